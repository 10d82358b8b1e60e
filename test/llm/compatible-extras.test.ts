import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { complete, LlmError, type ChatRequest } from '../../packages/llm/src/index'
import type { OpenAICompatibleConnection } from '../../packages/llm/src/types'
import type { FakeServer } from '../fakes/fake-script'
import { startOpenAIFake } from '../fakes/openai/openai-fake'

describe('OpenAI-compatible servers keep their extras', () => {
  let fake: FakeServer
  let connection: OpenAICompatibleConnection
  const ask = (extra: Partial<ChatRequest> = {}): ChatRequest => ({
    model: 'llama3.3:latest',
    messages: [{ role: 'user', content: 'Hi' }],
    ...extra,
  })

  beforeAll(async () => {
    fake = await startOpenAIFake({ compatibleKey: null })
    connection = { provider: 'openai-compatible', baseURL: `${fake.url}/compat/v1` }
  })
  afterAll(() => fake.close())
  beforeEach(() => fake.reset())

  it('sends extra_body fields at the top of the body, next to the Chat Completions fields', async () => {
    await complete(
      ask({
        temperature: 0.2,
        top_k: 40,
        logprobs: true,
        extra_body: { guided_json: { type: 'object' }, options: { num_ctx: 8192 } },
      }),
      connection,
    )
    expect(fake.requests[0]?.json).toMatchObject({
      temperature: 0.2,
      top_k: 40,
      logprobs: true,
      guided_json: { type: 'object' },
      options: { num_ctx: 8192 },
    })
    expect(fake.requests[0]?.json).not.toHaveProperty('extra_body')
  })

  it('refuses a Chat Completions field inside extra_body, naming it', async () => {
    const error = await complete(ask({ extra_body: { temperature: 2 } }), connection).then(
      () => undefined,
      (e: unknown) => e as LlmError,
    )
    expect(error).toBeInstanceOf(LlmError)
    expect(error?.message).toContain('extra_body.temperature')
    expect(fake.requests).toHaveLength(0)
  })

  it('points an unknown top-level name at extra_body when no field is near it', async () => {
    const error = await complete({ ...ask(), guided_json: {} } as ChatRequest, connection).then(
      () => undefined,
      (e: unknown) => e as LlmError,
    )
    expect(error).toMatchObject({ kind: 'unsupported_parameter', code: 'unknown_parameter' })
    expect(error?.message).toContain('extra_body')
  })
})
