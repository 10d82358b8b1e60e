import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import catalog from '../../packages/llm/src/catalog/anthropic.json'
import { LlmError } from '../../packages/llm/src/errors/llm-error'
import { classifyUnknownError } from '../../packages/llm/src/errors/normalize-error'
import { anthropicPlugin } from '../../packages/llm/src/providers/anthropic'
import { OTHER_EVENT } from '../../packages/llm/src/providers/anthropic/anthropic-sse-reader'
import { AnthropicStreamMapper } from '../../packages/llm/src/providers/anthropic/map-anthropic-stream'
import type { ChatCompletionChunk, ChatRequest } from '../../packages/llm/src/types'
import { startAnthropicFake } from '../fakes/anthropic'
import { pluginContext } from '../fakes/anthropic/plugin-context'
import type { FakeServer } from '../fakes/fake-script'
import { FAKE_SIGNATURE } from '../fakes/claude-thinking'

const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

let fake: FakeServer & { apiKey: string }
let connection: { provider: 'anthropic'; apiKey: string; baseURL: string }

beforeAll(async () => {
  fake = await startAnthropicFake()
  connection = { provider: 'anthropic', apiKey: fake.apiKey, baseURL: fake.url }
})
afterAll(() => fake.close())
beforeEach(() => fake.reset())

const request = (extra: Partial<ChatRequest> = {}): ChatRequest => ({
  model: 'claude-sonnet-4-6',
  messages: [{ role: 'user', content: 'Hi' }],
  ...extra,
})

async function sent(extra: Partial<ChatRequest> = {}): Promise<Record<string, unknown>> {
  await anthropicPlugin.complete(request(extra), connection, pluginContext())
  return fake.requests.at(-1)?.json as Record<string, unknown>
}

async function failure(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => anthropicPlugin.toError(thrown, connection) ?? thrown,
  )
  expect(error).toBeInstanceOf(LlmError)
  return error as LlmError
}

describe('anthropic request mapping', () => {
  it('sends the key as the SDK does, with the API version, and the model’s max output by default', async () => {
    const body = await sent()
    const headers = fake.requests[0]?.headers ?? {}
    expect(headers.authorization).toBe(`Bearer ${fake.apiKey}`)
    expect(headers['anthropic-version']).toBe('2026-10-21')
    expect(fake.requests[0]?.url).toBe('/v1/messages')
    expect(body).toEqual({
      model: 'claude-sonnet-4-6',
      max_tokens: 64_000,
      messages: [{ role: 'user', content: 'Hi' }],
      stream: false,
    })
  })

  it('uses max_completion_tokens or max_tokens, and a conservative default for unknown models', async () => {
    expect((await sent({ max_tokens: 100 })).max_tokens).toBe(100)
    expect((await sent({ max_completion_tokens: 200, max_tokens: 100 })).max_tokens).toBe(200)
    expect((await sent({ model: 'claude-haiku-4-5-20251001' })).max_tokens).toBe(64_000)
    expect((await sent({ model: 'claude-future-9' })).max_tokens).toBe(
      catalog.unknownModel.maxOutputTokens,
    )
  })

  it('moves system and developer messages to the top-level system and merges same-role turns', async () => {
    const body = await sent({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'developer', content: [{ type: 'text', text: 'Answer in French.' }] },
        { role: 'user', content: 'One' },
        { role: 'user', content: 'Two' },
        { role: 'assistant', content: 'Un, deux.' },
        { role: 'user', content: 'Three' },
      ],
    })
    expect(body.system).toBe('Be brief.\n\nAnswer in French.')
    expect(body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'One' },
          { type: 'text', text: 'Two' },
        ],
      },
      { role: 'assistant', content: 'Un, deux.' },
      { role: 'user', content: 'Three' },
    ])
  })

  it('sends data-URL images as base64 sources and https images as URL sources', async () => {
    const body = await sent({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Compare' },
            { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG}` } },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } },
          ],
        },
      ],
    })
    expect(body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Compare' },
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG } },
          { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
        ],
      },
    ])
  })

  it('maps tools, tool_choice and parallel_tool_calls', async () => {
    const tools: ChatRequest['tools'] = [
      {
        type: 'function',
        function: {
          name: 'get_weather',
          description: 'Weather',
          parameters: { type: 'object', properties: {} },
          strict: true,
        },
      },
      { type: 'function', function: { name: 'now' } },
    ]
    const body = await sent({ tools })
    expect(body.tools).toEqual([
      {
        name: 'get_weather',
        description: 'Weather',
        input_schema: { type: 'object', properties: {} },
        strict: true,
      },
      { name: 'now', input_schema: { type: 'object', properties: {} } },
    ])
    expect(body.tool_choice).toBeUndefined()
    expect((await sent({ tools, tool_choice: 'required' })).tool_choice).toEqual({ type: 'any' })
    expect((await sent({ tools, tool_choice: 'none' })).tool_choice).toEqual({ type: 'none' })
    expect(
      (
        await sent({
          tools,
          tool_choice: { type: 'function', function: { name: 'now' } },
          parallel_tool_calls: false,
        })
      ).tool_choice,
    ).toEqual({ type: 'tool', name: 'now', disable_parallel_tool_use: true })
    expect((await sent({ tools, parallel_tool_calls: false })).tool_choice).toEqual({
      type: 'auto',
      disable_parallel_tool_use: true,
    })
  })

  it('refuses forced tool use where Anthropic does, before any request', async () => {
    const tools: ChatRequest['tools'] = [{ type: 'function', function: { name: 'now' } }]
    const error = await failure(
      anthropicPlugin.complete(
        request({ model: 'claude-sonnet-5-5', tools, tool_choice: 'required' }),
        connection,
        pluginContext(),
      ),
    )
    expect(error.kind).toBe('invalid_request')
    expect(error.message).toContain('tool_choice')
    expect(error.message).toContain('claude-sonnet-5-5')
    const withThinking = await failure(
      anthropicPlugin.complete(
        request({ tools, tool_choice: 'required', thinking_budget: 2048 }),
        connection,
        pluginContext(),
      ),
    )
    expect(withThinking.kind).toBe('invalid_request')
    expect(fake.requests).toHaveLength(0)
  })

  it('sends assistant tool calls as tool_use blocks and tool messages as user tool_result blocks', async () => {
    const body = await sent({
      messages: [
        { role: 'user', content: 'Weather in Seoul and Busan?' },
        {
          role: 'assistant',
          content: 'Checking.',
          reasoning_content: 'I should call the tool twice.',
          tool_calls: [
            {
              id: 'toolu_1',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Seoul"}' },
            },
            {
              id: 'toolu_2',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Busan"}' },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'toolu_1', content: '{"sky":"sunny"}' },
        {
          role: 'tool',
          tool_call_id: 'toolu_2',
          content: [{ type: 'text', text: '{"sky":"rain"}' }],
        },
        { role: 'user', content: 'Summarise.' },
      ],
    })
    expect(body.messages).toEqual([
      { role: 'user', content: 'Weather in Seoul and Busan?' },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Checking.' },
          { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Seoul' } },
          { type: 'tool_use', id: 'toolu_2', name: 'get_weather', input: { city: 'Busan' } },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_1', content: '{"sky":"sunny"}' },
          { type: 'tool_result', tool_use_id: 'toolu_2', content: '{"sky":"rain"}' },
          { type: 'text', text: 'Summarise.' },
        ],
      },
    ])
  })

  it('maps stop, user, response_format json_schema and refuses json_object', async () => {
    const schema = {
      type: 'object',
      properties: { a: { type: 'string' } },
      required: ['a'],
      additionalProperties: false,
    }
    const body = await sent({
      stop: ['END', '###'],
      user: 'user-42',
      response_format: { type: 'json_schema', json_schema: { name: 'answer', schema } },
    })
    expect(body.stop_sequences).toEqual(['END', '###'])
    expect(body.metadata).toEqual({ user_id: 'user-42' })
    expect(body.output_config).toEqual({ format: { type: 'json_schema', schema } })
    expect((await sent({ stop: 'STOP' })).stop_sequences).toEqual(['STOP'])

    const error = await failure(
      anthropicPlugin.complete(
        request({ response_format: { type: 'json_object' } }),
        connection,
        pluginContext(),
      ),
    )
    expect(error.kind).toBe('invalid_request')
    expect(error.message).toContain('response_format')
  })

  it('maps a thinking budget to manual extended thinking and checks it against max_tokens', async () => {
    const body = await sent({ thinking_budget: 2048, max_tokens: 4096 })
    expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: 2048 })
    const error = await failure(
      anthropicPlugin.complete(
        request({ thinking_budget: 4096, max_tokens: 4096 }),
        connection,
        pluginContext(),
      ),
    )
    expect(error.kind).toBe('invalid_request')
    expect(error.message).toContain('thinking_budget')
  })

  it('maps reasoning_effort to output_config.effort with adaptive thinking (minimal → low)', async () => {
    const body = await sent({ model: 'claude-sonnet-5-5', reasoning_effort: 'high' })
    expect(body.thinking).toEqual({ type: 'adaptive' })
    expect(body.output_config).toEqual({ effort: 'high' })
    expect(
      (await sent({ model: 'claude-opus-5-5', reasoning_effort: 'minimal' })).output_config,
    ).toEqual({
      effort: 'low',
    })
  })
})

describe('anthropic response mapping', () => {
  it('maps thinking, text, usage with cached and reasoning tokens', async () => {
    fake.enqueue({
      reasoning: ['Think', 'ing.'],
      text: ['Done.'],
      usage: { input: 100, output: 40, cachedInput: 60, reasoning: 25 },
    })
    const answer = await anthropicPlugin.complete(request(), connection, pluginContext())
    expect(answer.choices[0]?.message).toEqual({
      role: 'assistant',
      content: 'Done.',
      reasoning_content: 'Thinking.',
      reasoning_details: [
        {
          type: 'reasoning.text',
          text: 'Thinking.',
          signature: FAKE_SIGNATURE,
          format: 'anthropic-claude-v1',
          index: 0,
        },
      ],
    })
    expect(answer.usage).toEqual({
      prompt_tokens: 100,
      completion_tokens: 40,
      total_tokens: 140,
      prompt_tokens_details: { cached_tokens: 60 },
      completion_tokens_details: { reasoning_tokens: 25 },
    })
  })

  it('streams usage and the finish reason on the last chunk, and touches on every event', async () => {
    fake.enqueue({
      text: ['a', 'b'],
      finishReason: 'length',
      usage: { input: 10, output: 2, cachedInput: 4 },
    })
    const ctx = pluginContext()
    const chunks: ChatCompletionChunk[] = []
    for await (const chunk of anthropicPlugin.stream(request(), connection, ctx)) chunks.push(chunk)
    const last = chunks.at(-1)
    expect(last?.choices[0]?.finish_reason).toBe('length')
    expect(last?.usage).toMatchObject({
      prompt_tokens: 10,
      prompt_tokens_details: { cached_tokens: 4 },
    })
    expect(ctx.touches).toBeGreaterThanOrEqual(8) // every event, pings included
    expect(chunks.slice(0, -1).every((c) => c.choices[0]?.finish_reason === null && !c.usage)).toBe(
      true,
    )
  })

  it('fails with a network error when the connection drops mid-stream', async () => {
    fake.enqueue({ text: ['a', 'b', 'c'], cutAfterEvents: 1 })
    const chunks: ChatCompletionChunk[] = []
    let thrown: unknown
    try {
      for await (const chunk of anthropicPlugin.stream(request(), connection, pluginContext()))
        chunks.push(chunk)
    } catch (error) {
      thrown = error
    }
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('a')
    const error =
      anthropicPlugin.toError(thrown, connection) ?? classifyUnknownError(thrown, 'anthropic')
    expect(error.kind).toBe('network')
  })

  it('refuses a stream event that is not JSON, quoting it, as a server error', () => {
    const mapper = new AnthropicStreamMapper('claude-sonnet-4-6')
    let thrown: unknown
    try {
      mapper.event(OTHER_EVENT, '{not json}', [])
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(LlmError)
    expect(thrown).toMatchObject({
      kind: 'server',
      message: 'The provider sent an event that is not JSON: {not json}',
    })
  })

  it('lists models across pages', async () => {
    const paged = await startAnthropicFake({
      models: Array.from({ length: 5 }, (_, i) => `claude-test-${i}`),
    })
    const models = await anthropicPlugin.listModels(
      { provider: 'anthropic', apiKey: paged.apiKey, baseURL: paged.url },
      pluginContext(),
    )
    await paged.close()
    expect(models.map((m) => m.id)).toEqual([
      'claude-test-0',
      'claude-test-1',
      'claude-test-2',
      'claude-test-3',
      'claude-test-4',
    ])
  })
})
