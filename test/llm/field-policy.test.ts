import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { LlmError } from '../../packages/llm/src/index'
import { complete, type ChatRequest } from '../../packages/llm/src/index'
import { nearestName } from '../../packages/llm/src/nearest-name'
import { REQUEST_FIELDS } from '../../packages/llm/src/request-fields'
import type { OpenAIConnection } from '../../packages/llm/src/types'
import type { FakeServer } from '../fakes/fake-script'
import { OPENAI_FAKE_DEFAULTS, startOpenAIFake } from '../fakes/openai/openai-fake'

describe('nearestName', () => {
  it.each([
    ['temprature', 'temperature'],
    ['max_token', 'max_tokens'],
    ['topP', 'top_p'],
    ['reasoning-effort', 'reasoning_effort'],
    ['toolchoice', 'tool_choice'],
  ])('suggests %s → %s', (typed, meant) => {
    expect(nearestName(typed, REQUEST_FIELDS)).toBe(meant)
  })

  it('suggests nothing for a name far from every field', () => {
    expect(nearestName('guided_json', REQUEST_FIELDS)).toBeUndefined()
    expect(nearestName('zzzzzzzz', REQUEST_FIELDS)).toBeUndefined()
  })
})

describe('the field policy', () => {
  let fake: FakeServer
  let connection: OpenAIConnection
  const ask = (extra: Record<string, unknown> = {}): ChatRequest =>
    ({
      model: 'gpt-4.1-mini',
      messages: [{ role: 'user', content: 'Hi' }],
      ...extra,
    }) as ChatRequest
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => error as LlmError,
    )

  beforeAll(async () => {
    fake = await startOpenAIFake()
    connection = {
      provider: 'openai',
      apiKey: OPENAI_FAKE_DEFAULTS.openaiKey,
      baseURL: `${fake.url}/v1`,
    }
  })
  afterAll(() => fake.close())
  beforeEach(() => fake.reset())

  it('refuses stream: true given to complete(), which does not stream', async () => {
    const error = await refusal(complete(ask({ stream: true }), connection))
    expect(error).toMatchObject({
      kind: 'unsupported_parameter',
      code: 'set_by_call',
      parameter: 'stream',
    })
    expect(fake.requests).toHaveLength(0)
  })

  it('takes stream: false given to complete()', async () => {
    await complete(ask({ stream: false }), connection)
    expect(fake.requests).toHaveLength(1)
  })

  it('refuses a Chat Completions field hidden in extra_body, and extra_body off compatible servers', async () => {
    const hidden = await refusal(complete(ask({ extra_body: { temperature: 2 } }), connection))
    // OpenAI itself has no extra_body: refused by name before the body is looked at.
    expect(hidden).toMatchObject({ kind: 'unsupported_parameter', parameter: 'extra_body' })
    expect(fake.requests).toHaveLength(0)
  })

  it("drops an unknown field under 'drop', with an unknown_parameter warning", async () => {
    const answer = await complete(ask({ temprature: 0.3 }), connection, { unsupported: 'drop' })
    expect(answer.warnings).toEqual([
      {
        code: 'unknown_parameter',
        parameter: 'temprature',
        reason: 'No request field is called "temprature"; did you mean "temperature"?',
      },
    ])
    expect(fake.requests[0]?.json).not.toHaveProperty('temprature')
  })

  it('has no warnings when nothing was dropped', async () => {
    const answer = await complete(ask({ temperature: 0.3 }), connection, { unsupported: 'drop' })
    expect(answer).not.toHaveProperty('warnings')
    expect(fake.requests[0]?.json).toMatchObject({ temperature: 0.3 })
  })

  it('refuses an unknown policy by name', async () => {
    const error = await refusal(
      complete(ask(), connection, { unsupported: 'ignore' as unknown as 'drop' }),
    )
    expect(error).toMatchObject({ kind: 'invalid_request' })
    expect(error?.message).toContain('"unsupported"')
  })

  it('still checks ranges under drop: a value out of range is an error, not a warning', async () => {
    const error = await refusal(
      complete(ask({ temperature: 7 }), connection, { unsupported: 'drop' }),
    )
    expect(error).toMatchObject({ kind: 'invalid_request' })
    expect(fake.requests).toHaveLength(0)
  })
})
