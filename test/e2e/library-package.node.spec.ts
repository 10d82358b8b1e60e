import { expect, test } from '@playwright/test'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { runCommand, runNode } from './support/run-node'
import { startFakes, type RunningFakes } from './support/start-fakes'

// packages/llm as a user gets it: `npm pack`, installed into a fresh project outside this
// repository (nothing resolves from its node_modules) with one provider SDK, `openai`.
const PACKAGE_DIR = resolve('packages/llm')
const pkg = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
  name: string
  version: string
  files: string[]
}
const openaiVersion = (
  JSON.parse(readFileSync(resolve('node_modules/openai/package.json'), 'utf8')) as {
    version: string
  }
).version

let fakes: RunningFakes
let project: string
let packedFiles: string[]

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  test.setTimeout(240_000)
  fakes = await startFakes()
  project = mkdtempSync(join(tmpdir(), 'parallax-llm-consumer-'))
  const pack = await runCommand('npm', ['pack', '--json', '--pack-destination', project], {
    cwd: PACKAGE_DIR,
    timeoutMs: 60_000,
  })
  expect(pack.code, pack.stderr).toBe(0)
  const [packed] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[]
  if (!packed) throw new Error(`npm pack printed no package:\n${pack.stdout}`)
  packedFiles = packed.files.map((file) => file.path)
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  )
  const install = await runCommand(
    'npm',
    [
      'install',
      `./${packed.filename}`,
      `openai@${openaiVersion}`,
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
    ],
    { cwd: project, timeoutMs: 180_000 },
  )
  expect(install.code, install.stdout + install.stderr).toBe(0)
})

test.afterAll(async () => {
  await fakes?.stop()
  if (project) rmSync(project, { recursive: true, force: true })
})

test('the tarball holds the built library and its documents, no app code and no sources', () => {
  expect(packedFiles).toEqual(
    expect.arrayContaining([
      'package.json',
      'README.md',
      'CHANGELOG.md',
      'LICENSE',
      'dist/index.js',
      'dist/index.d.ts',
    ]),
  )
  const outside = packedFiles.filter(
    (file) => !file.startsWith('dist/') && !pkg.files.includes(file) && file !== 'package.json',
  )
  expect(outside).toEqual([])
  expect(
    packedFiles.filter((file) => /(^|\/)(core|server|renderer|main|shared)\//.test(file)),
  ).toEqual([])
  expect(
    packedFiles.filter((file) => file.endsWith('.test.js') || file.includes('.test.')),
  ).toEqual([])
})

test('the installed package runs a streaming example against the fake OpenAI server', async () => {
  writeFileSync(
    join(project, 'example.mjs'),
    `import { stream } from '${pkg.name}'
const connection = JSON.parse(process.env.CONNECTION)
let text = ''
for await (const chunk of stream({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'Hi' }] }, connection)) {
  text += chunk.choices[0]?.delta.content ?? ''
  if (chunk.usage) console.log('usage', chunk.usage.total_tokens)
}
console.log('text', text)
`,
  )
  const run = await runCommand(process.execPath, ['example.mjs'], {
    cwd: project,
    env: { CONNECTION: JSON.stringify(fakes.connections.openai) },
  })
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  expect(run.stdout).toContain('text This is a **demo answer** from `gpt-4.1-mini`')
  expect(run.stdout).toMatch(/usage \d+/)
})

test('the package README example runs in the installed package', async () => {
  const readme = readFileSync(join(PACKAGE_DIR, 'README.md'), 'utf8')
  const examples = [...readme.matchAll(/<!-- example -->\n+```js\n([\s\S]*?)```/g)].map(
    (m) => m[1] ?? '',
  )
  expect(examples).toHaveLength(1)
  const connection = fakes.connections.openai as { apiKey: string; baseURL: string }
  writeFileSync(join(project, 'readme-example.mjs'), examples[0] ?? '')
  const run = await runCommand(process.execPath, ['readme-example.mjs'], {
    cwd: project,
    env: { OPENAI_API_KEY: connection.apiKey, OPENAI_BASE_URL: connection.baseURL },
  })
  expect(run.code, run.stderr).toBe(0)
  expect(run.stdout).toContain('demo answer')
  expect(run.stdout).toMatch(/\n\d+ in, \d+ out/)
})

test('a provider whose SDK is not installed answers an LlmError naming the package', async () => {
  writeFileSync(
    join(project, 'missing-sdk.mjs'),
    `import { complete, isLlmError } from '${pkg.name}'
const connection = JSON.parse(process.env.CONNECTION)
try {
  await complete({ model: 'claude-sonnet-5-5', messages: [{ role: 'user', content: 'Hi' }] }, connection)
  console.log('answered')
} catch (error) {
  console.log(isLlmError(error), JSON.stringify(error.toJSON()))
}
`,
  )
  const run = await runCommand(process.execPath, ['missing-sdk.mjs'], {
    cwd: project,
    env: { CONNECTION: JSON.stringify(fakes.connections.anthropic) },
  })
  expect(run.code, run.stderr).toBe(0)
  const [isLlm, json] = run.stdout.trim().split(/ (.*)/s)
  expect(isLlm).toBe('true')
  expect(JSON.parse(json ?? '{}')).toMatchObject({
    name: 'LlmError',
    kind: 'invalid_request',
    provider: 'anthropic',
    code: 'sdk_not_installed',
    message:
      'The anthropic provider needs the package "@anthropic-ai/sdk", which is not installed.',
    hint: 'Install it: npm install @anthropic-ai/sdk',
  })
})

test('its declarations type-check a consumer under moduleResolution nodenext and bundler', async () => {
  const consumer = `
    import { complete, LlmError, PROVIDER_IDS, stream, type ChatRequest, type Connection } from '${pkg.name}'
    const request: ChatRequest = { model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'Hi' }] }
    const connection: Connection = { provider: 'openai', apiKey: 'sk-test' }
    export async function demo(): Promise<string> {
      for await (const chunk of stream(request, connection)) void chunk.choices[0]?.delta.content
      const answer = await complete(request, connection)
      return \`\${answer.choices[0]?.message.content ?? ''} \${PROVIDER_IDS.length} \${LlmError.name}\`
    }`
  writeFileSync(join(project, 'consumer.ts'), consumer)
  // The same program with one wrong type: proves the consumer is really checked.
  writeFileSync(join(project, 'wrong.ts'), consumer.replace("model: 'gpt-4.1-mini'", 'model: 41'))
  const tsc = resolve('node_modules/typescript/bin/tsc')
  for (const [module, moduleResolution] of [
    ['nodenext', 'nodenext'],
    ['esnext', 'bundler'],
  ]) {
    for (const file of ['consumer.ts', 'wrong.ts']) {
      const config = join(project, `tsconfig.${moduleResolution}.${file}.json`)
      const compilerOptions = { module, moduleResolution, strict: true, noEmit: true, types: [] }
      writeFileSync(config, JSON.stringify({ compilerOptions, files: [file] }))
      const run = await runNode([tsc, '-p', config], {}, 60_000)
      const output = run.stdout + run.stderr
      if (file === 'consumer.ts') {
        expect(output, `${moduleResolution}: ${output}`).toBe('')
        expect(run.code).toBe(0)
      } else {
        expect(output, moduleResolution).toMatch(/wrong\.ts\(\d+,\d+\): error TS2322/)
        expect(output, moduleResolution).not.toContain('node_modules/')
      }
    }
  }
})
