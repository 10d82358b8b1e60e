import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { LlmError } from '../../packages/llm/src/index'
import {
  baseModelOf,
  capabilities,
  complete,
  stream,
  type AzureConnection,
  type ChatRequest,
} from '../../packages/llm/src/index'
import { parseBaseModels } from '../../packages/llm/src/providers/openai/azure-base-models'
import type { FakeServer } from '../fakes/fake-script'
import { OPENAI_FAKE_DEFAULTS, startOpenAIFake } from '../fakes/openai/openai-fake'

describe('Azure by its base model', () => {
  let fake: FakeServer
  let bare: AzureConnection
  let mapped: AzureConnection
  const ask = (extra: Partial<ChatRequest> = {}): ChatRequest => ({
    model: 'my-deployment',
    messages: [{ role: 'user', content: 'Hi' }],
    max_tokens: 256,
    ...extra,
  })

  beforeAll(async () => {
    fake = await startOpenAIFake({ azureModels: { 'my-deployment': 'gpt-5.2' } })
    bare = { provider: 'azure', endpoint: fake.url, apiKey: OPENAI_FAKE_DEFAULTS.azureKey }
    mapped = { ...bare, baseModels: 'my-deployment = gpt-5.2\nchat = gpt-4.1' }
  })
  afterAll(() => fake.close())
  beforeEach(() => fake.reset())

  it('reads the form text and a record alike', () => {
    expect(parseBaseModels(' my-deployment=gpt-5.2 ,\n\nnonsense\nchat = gpt-4.1 ')).toEqual({
      'my-deployment': 'gpt-5.2',
      chat: 'gpt-4.1',
    })
    expect(baseModelOf(mapped, 'chat')).toBe('gpt-4.1')
    expect(baseModelOf({ ...bare, baseModels: { chat: 'gpt-4.1' } }, 'chat')).toBe('gpt-4.1')
    expect(baseModelOf(mapped, 'unmapped')).toBeUndefined()
    expect(baseModelOf(bare, 'my-deployment')).toBeUndefined()
  })

  it('takes capabilities, prices and rules from the base model, keeping the deployment as the model', () => {
    const guessed = capabilities('azure', 'my-deployment')
    expect(guessed.known).toBe(false)
    expect(guessed.parameters.reasoning_effort.support).toBe('unsupported')
    const caps = capabilities('azure', 'my-deployment', { baseModel: 'gpt-5.2' })
    expect(caps).toMatchObject({ model: 'my-deployment', known: true, reasoning: true })
    expect(caps.price).toEqual(capabilities('azure', 'gpt-5.2').price)
    expect(caps.parameters.reasoning_effort.support).toBe('supported')
    expect(caps.parameters.temperature.support).toBe('unsupported')
  })

  it('without the mapping, a deployment named my-deployment is refused reasoning_effort by name', async () => {
    const error = await complete(ask({ reasoning_effort: 'low' }), bare).then(
      () => undefined,
      (e: unknown) => e as LlmError,
    )
    expect(error).toMatchObject({
      kind: 'unsupported_parameter',
      parameter: 'reasoning_effort',
      code: 'not_reasoning_model',
    })
    expect(fake.requests).toHaveLength(0)
  })

  it('with the mapping, sends reasoning_effort and max_completion_tokens to the deployment', async () => {
    const answer = await complete(ask({ reasoning_effort: 'low' }), mapped)
    expect(answer.model).toBe('gpt-5.2-2025-04-14')
    expect(fake.requests[0]?.json).toMatchObject({
      model: 'my-deployment',
      reasoning_effort: 'low',
      max_completion_tokens: 256,
    })
    expect(fake.requests[0]?.json).not.toHaveProperty('max_tokens')
  })

  it('with the mapping, refuses what the base model refuses (temperature on a reasoning model)', async () => {
    const chunks = stream(ask({ temperature: 0.2 }), mapped)
    const error = await (async () => {
      for await (const _ of chunks) void _
    })().then(
      () => undefined,
      (e: unknown) => e as LlmError,
    )
    expect(error).toMatchObject({ kind: 'unsupported_parameter', parameter: 'temperature' })
    expect(fake.requests).toHaveLength(0)
  })
})
