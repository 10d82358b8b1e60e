/**
 * `npm run fakes`: every fake provider server on 127.0.0.1, for demos (a keyless Parallax) and
 * for trying the library. Prints the address of each and, on the last line, ready-made
 * connections as JSON: `connections {"openai":{…},…}`.
 *
 *   npm run fakes -- [--port-base N] [--json FILE]
 */
import { writeFileSync } from 'node:fs'
import type { Connection } from '../../packages/llm/src/types'
import { startAnthropicFake } from './anthropic/anthropic-fake'
import { FAKE_BEDROCK_CREDENTIALS, startBedrockFake } from './bedrock/bedrock-fake'
import { demoAnswer } from './demo-answer'
import type { FakeServer } from './fake-script'
import { setFallbackScript } from './script-queue'
import { startGoogleFake } from './google/google-fake'
import { OPENAI_FAKE_DEFAULTS, startOpenAIFake } from './openai/openai-fake'

interface Options {
  portBase: number
  json: string | undefined
}

function parseArgs(argv: string[]): Options {
  const options: Options = { portBase: 0, json: undefined }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = argv[i + 1]
    if (
      arg === '--port-base' &&
      value !== undefined &&
      /^\d+$/.test(value) &&
      Number(value) < 65530
    ) {
      options.portBase = Number(value)
      i++
    } else if (arg === '--json' && value !== undefined) {
      options.json = value
      i++
    } else {
      throw new Error(
        `Unknown or incomplete option "${arg}". Usage: npm run fakes -- [--port-base N] [--json FILE]`,
      )
    }
  }
  return options
}

async function main(): Promise<void> {
  const { portBase, json } = parseArgs(process.argv.slice(2))
  setFallbackScript(demoAnswer)
  const port = (offset: number) => (portBase === 0 ? 0 : portBase + offset)
  // The OpenAI-compatible path takes no key, like a local Ollama or LM Studio.
  const openai = await startOpenAIFake({ port: port(0), compatibleKey: null })
  const anthropic = await startAnthropicFake({ port: port(1) })
  const bedrock = await startBedrockFake({ port: port(2) })
  const google = await startGoogleFake({ port: port(3) })
  const servers: FakeServer[] = [openai, anthropic, bedrock, google]

  const connections: Record<string, Connection> = {
    openai: {
      provider: 'openai',
      apiKey: OPENAI_FAKE_DEFAULTS.openaiKey,
      baseURL: `${openai.url}/v1`,
    },
    azure: { provider: 'azure', endpoint: openai.url, apiKey: OPENAI_FAKE_DEFAULTS.azureKey },
    'openai-compatible': { provider: 'openai-compatible', baseURL: `${openai.url}/compat/v1` },
    anthropic: { provider: 'anthropic', apiKey: anthropic.apiKey, baseURL: anthropic.url },
    bedrock: {
      provider: 'bedrock',
      region: bedrock.region,
      accessKeyId: FAKE_BEDROCK_CREDENTIALS.accessKeyId,
      secretAccessKey: FAKE_BEDROCK_CREDENTIALS.secretAccessKey,
      endpoint: bedrock.url,
    },
    gemini: { provider: 'gemini', apiKey: google.apiKey, baseURL: google.url },
    vertex: {
      provider: 'vertex',
      project: 'parallax-test',
      location: 'us-central1',
      serviceAccountJson: google.serviceAccount.text,
      baseURL: google.url,
    },
  }

  console.log('Parallax fake providers are running (Ctrl+C to stop). Their keys are fakes.')
  console.log(`  openai, azure, openai-compatible  ${openai.url}`)
  console.log(`  anthropic                         ${anthropic.url}`)
  console.log(`  bedrock                           ${bedrock.url}`)
  console.log(`  gemini, vertex (token: /token)    ${google.url}`)
  if (json) writeFileSync(json, `${JSON.stringify(connections, null, 2)}\n`, { mode: 0o600 })
  console.log(`connections ${JSON.stringify(connections)}`)

  const stop = (): void => {
    void Promise.allSettled(servers.map((server) => server.close())).finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(`fakes: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
