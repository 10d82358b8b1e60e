import { expect, test } from '@playwright/test'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type {
  AzureConnection,
  BedrockConnection,
  GeminiConnection,
  OpenAICompatibleConnection,
  OpenAIConnection,
  AnthropicConnection,
  VertexConnection,
} from '../../packages/llm/src/types'
import { runNode } from './support/run-node'
import { startFakes, type RunningFakes } from './support/start-fakes'

// The built library (packages/llm/dist, `@parallax/llm` through the workspace link) used the way a
// Node program uses it, against `npm run fakes`. library-package.node.spec.ts installs its tarball.
let fakes: RunningFakes

test.beforeAll(async () => {
  fakes = await startFakes()
})
test.afterAll(async () => {
  await fakes?.stop()
})

test('node -e importing @parallax/llm streams from npm run fakes', async () => {
  const connection = JSON.stringify(fakes.connections.openai)
  const code = `
    const { stream } = await import('@parallax/llm')
    let text = ''
    for await (const chunk of stream({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'Hi' }] }, ${connection})) {
      text += chunk.choices[0]?.delta.content ?? ''
      if (chunk.usage) console.log('usage', chunk.usage.total_tokens)
    }
    console.log('text', text)`
  const run = await runNode(['--input-type=module', '-e', code])
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  expect(run.stdout).toContain('text This is a **demo answer** from `gpt-4.1-mini`')
  expect(run.stdout).toContain('You asked: “Hi”')
  expect(run.stdout).toMatch(/usage \d+/)
})

test('an SDK loads only when its provider is first used', async () => {
  const code = `
    import { registerHooks } from 'node:module'
    const sdks = ['openai', '@anthropic-ai/sdk', '@aws-sdk/client-bedrock-runtime', '@google/genai']
    const loaded = new Set()
    registerHooks({ resolve(specifier, context, next) {
      if (sdks.includes(specifier)) loaded.add(specifier)
      return next(specifier, context)
    } })
    const llm = await import('@parallax/llm')
    llm.capabilities('anthropic', 'claude-sonnet-5-5')
    console.log('providers', llm.providers.length)
    console.log('after import', JSON.stringify([...loaded]))
    await llm.complete({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'Hi' }] }, ${JSON.stringify(fakes.connections.openai)})
    console.log('after openai', JSON.stringify([...loaded]))`
  const run = await runNode(['--input-type=module', '-e', code])
  expect(run.code, run.stderr).toBe(0)
  expect(run.stdout).toContain('providers 7')
  expect(run.stdout).toContain('after import []')
  expect(run.stdout).toContain('after openai ["openai"]')
})

test('a provider whose SDK is not installed answers an LlmError naming the package', async () => {
  // Node resolves `openai` from a folder without node_modules: the real "Cannot find package".
  const code = `
    import { registerHooks } from 'node:module'
    registerHooks({ resolve(specifier, context, next) {
      if (specifier !== 'openai') return next(specifier, context)
      return next(specifier, { ...context, parentURL: 'file:///parallax-no-node-modules/x.mjs' })
    } })
    const llm = await import('@parallax/llm')
    try {
      await llm.complete({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'Hi' }] }, ${JSON.stringify(fakes.connections.openai)})
      console.log('answered')
    } catch (error) {
      console.log(JSON.stringify(error.toJSON()))
    }
    const info = await llm.capabilities('anthropic', 'claude-sonnet-5-5')
    console.log('other providers still work', typeof info.contextWindow)`
  const run = await runNode(['--input-type=module', '-e', code])
  expect(run.code, run.stderr).toBe(0)
  const [line] = run.stdout.split('\n')
  expect(JSON.parse(line ?? '{}')).toMatchObject({
    name: 'LlmError',
    kind: 'invalid_request',
    provider: 'openai',
    code: 'sdk_not_installed',
    message: 'The openai provider needs the package "openai", which is not installed.',
    hint: 'Install it: npm install openai',
  })
  expect(run.stdout).toContain('other providers still work number')
})

test('every example in docs/library.md runs against the fakes', async () => {
  const markdown = readFileSync('docs/library.md', 'utf8')
  const examples = [...markdown.matchAll(/<!-- example -->\n+```js\n([\s\S]*?)```/g)].map(
    (m) => m[1] ?? '',
  )
  expect(examples.length).toBeGreaterThanOrEqual(8)

  const c = fakes.connections as {
    openai: OpenAIConnection
    anthropic: AnthropicConnection
    azure: AzureConnection
    bedrock: BedrockConnection
    gemini: GeminiConnection
    vertex: VertexConnection
    'openai-compatible': OpenAICompatibleConnection
  }
  const credentials = join(fakes.dir, 'service-account.json')
  writeFileSync(credentials, c.vertex.serviceAccountJson ?? '')
  const env = {
    OPENAI_API_KEY: c.openai.apiKey,
    OPENAI_BASE_URL: c.openai.baseURL,
    ANTHROPIC_API_KEY: c.anthropic.apiKey,
    ANTHROPIC_BASE_URL: c.anthropic.baseURL,
    AZURE_OPENAI_ENDPOINT: c.azure.endpoint,
    AZURE_OPENAI_API_KEY: c.azure.apiKey,
    AZURE_OPENAI_DEPLOYMENT: 'gpt-4.1-mini',
    AWS_REGION: c.bedrock.region,
    AWS_ACCESS_KEY_ID: c.bedrock.accessKeyId,
    AWS_SECRET_ACCESS_KEY: c.bedrock.secretAccessKey,
    BEDROCK_ENDPOINT: c.bedrock.endpoint,
    GEMINI_API_KEY: c.gemini.apiKey,
    GEMINI_BASE_URL: c.gemini.baseURL,
    VERTEX_PROJECT: c.vertex.project,
    VERTEX_LOCATION: c.vertex.location,
    GOOGLE_APPLICATION_CREDENTIALS: credentials,
    VERTEX_BASE_URL: c.vertex.baseURL,
    OLLAMA_BASE_URL: c['openai-compatible'].baseURL,
  }

  // Inside the repository, so `import '@parallax/llm'` resolves through the workspace link.
  const dir = resolve('test-results/doc-examples')
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  for (const [index, source] of examples.entries()) {
    const file = join(dir, `example-${index + 1}.mjs`)
    writeFileSync(file, source)
    const run = await runNode([file], env)
    expect(run.code, `example ${index + 1} failed:\n${source}\n${run.stderr}`).toBe(0)
    expect(run.stdout.length, `example ${index + 1} printed nothing`).toBeGreaterThan(0)
    if (source.includes('LlmError')) expect(run.stdout).toContain('unsupported_parameter')
    else expect(run.stdout).toMatch(/demo answer|"|\[/)
  }
})
