import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { complete, LlmError, stream, type Connection } from '../../packages/llm/src/index'
import type { ChatCompletionChunk, Exchange } from '../../packages/llm/src/types'
import {
  FAKE_BEDROCK_API_KEY,
  FAKE_BEDROCK_CREDENTIALS,
  startBedrockFake,
  type BedrockFake,
} from '../fakes/bedrock/bedrock-fake'
import { OPENAI_FAKE_DEFAULTS, startOpenAIFake } from '../fakes/openai/openai-fake'
import type { FakeServer } from '../fakes/fake-script'
import { errorSurfaces } from './error-surfaces'

/*
 * The credential kinds the contract suite's harnesses do not use (a Bedrock API key, a long-lived
 * Bedrock key pair, a compatible server's own auth header): the exchange of a streamed answer and
 * of a refused call holds none of them.
 */

const MODEL = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0'
const CUSTOM_TOKEN = 'tenant-token-sentinel-0123456789'

async function exchangeOfStream(connection: Connection, model: string): Promise<Exchange> {
  let last: ChatCompletionChunk | undefined
  for await (const chunk of stream(
    { model, messages: [{ role: 'user', content: 'Hi.' }], max_tokens: 32 },
    connection,
    { recordEvents: true },
  )) {
    last = chunk
  }
  expect(last?.response).toBeDefined()
  return last?.response as Exchange
}

async function refusal(connection: Connection, model: string): Promise<LlmError> {
  try {
    await complete({ model, messages: [{ role: 'user', content: 'Hi.' }] }, connection)
  } catch (error) {
    expect(error).toBeInstanceOf(LlmError)
    return error as LlmError
  }
  throw new Error('expected the call to fail')
}

function expectNone(text: string, secrets: string[]): void {
  for (const secret of secrets) expect(text).not.toContain(secret)
}

describe('Bedrock credentials in the exchange', () => {
  let fake: BedrockFake
  beforeAll(async () => {
    fake = await startBedrockFake({ region: 'eu-central-1' })
  })
  afterAll(() => fake.close())

  it('a Bedrock API key is sent as a bearer token and masked', async () => {
    const connection: Connection = {
      provider: 'bedrock',
      region: 'eu-central-1',
      endpoint: fake.url,
      apiKey: FAKE_BEDROCK_API_KEY,
    }
    const exchange = await exchangeOfStream(connection, MODEL)
    expect(exchange.attempts[0]?.request.headers['authorization']).toBe('Bearer [redacted]')
    expect(exchange.events?.some((e) => e.data === 'contentBlockDelta')).toBe(true)
    expectNone(JSON.stringify(exchange), [FAKE_BEDROCK_API_KEY])
    fake.enqueue({ error: 'auth' })
    const error = await refusal(connection, MODEL)
    expect(error.response?.attempts).toHaveLength(1)
    expectNone(errorSurfaces(error), [FAKE_BEDROCK_API_KEY])
  })

  it('a key pair is signed with SigV4, the access key id and signature masked', async () => {
    const connection: Connection = {
      provider: 'bedrock',
      region: 'eu-central-1',
      endpoint: fake.url,
      ...FAKE_BEDROCK_CREDENTIALS,
    }
    const secrets = [FAKE_BEDROCK_CREDENTIALS.accessKeyId, FAKE_BEDROCK_CREDENTIALS.secretAccessKey]
    const exchange = await exchangeOfStream(connection, MODEL)
    const authorization = exchange.attempts[0]?.request.headers['authorization'] ?? ''
    expect(authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=\[redacted\]\/\d{8}\/eu-central-1\//,
    )
    expect(authorization).toContain('Signature=[redacted]')
    expectNone(JSON.stringify(exchange), secrets)
    const error = await refusal(
      { ...connection, secretAccessKey: 'wrong/secret/0000000000' },
      MODEL,
    )
    expect(error.response?.response?.status).toBe(403)
    expectNone(errorSurfaces(error), secrets)
  })
})

describe('a compatible server’s own auth header in the exchange', () => {
  let fake: FakeServer
  beforeAll(async () => {
    fake = await startOpenAIFake()
  })
  afterAll(() => fake.close())

  it('is masked by its name, the API key as a bearer token', async () => {
    const connection: Connection = {
      provider: 'openai-compatible',
      baseURL: `${fake.url}/compat/v1`,
      apiKey: OPENAI_FAKE_DEFAULTS.compatibleKey,
      headers: { 'X-Tenant-Token': CUSTOM_TOKEN },
    }
    const exchange = await exchangeOfStream(connection, 'mistral-large-latest')
    const headers = exchange.attempts[0]?.request.headers ?? {}
    expect(headers['x-tenant-token']).toBe('[redacted]')
    expect(headers['authorization']).toBe('Bearer [redacted]')
    expect(exchange.events?.at(-1)?.data).toBe('data: [DONE]')
    expectNone(JSON.stringify(exchange), [CUSTOM_TOKEN, OPENAI_FAKE_DEFAULTS.compatibleKey])
  })
})
