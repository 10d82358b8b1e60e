/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-non-null-assertion -- recorded JSON is read loosely in tests */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  capabilities,
  complete,
  listModels,
  stream,
  type BedrockConnection,
  type ChatRequest,
} from '../../packages/llm/src/index'
import { bedrockDescriptor } from '../../packages/llm/src/providers/bedrock/bedrock-descriptor'
import {
  MAX_IMAGE_BYTES,
  toImageBlock,
} from '../../packages/llm/src/providers/bedrock/bedrock-image'
import {
  FAKE_BEDROCK_API_KEY,
  FAKE_BEDROCK_CREDENTIALS,
  startBedrockFake,
  type BedrockFake,
} from '../fakes/bedrock/bedrock-fake'
import { caught, collect } from './contract-suite'

const CLAUDE = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0'
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

let fake: BedrockFake
let keys: BedrockConnection
let apiKey: BedrockConnection

beforeAll(async () => {
  fake = await startBedrockFake({ region: 'us-west-2' })
  keys = {
    provider: 'bedrock',
    region: 'us-west-2',
    endpoint: fake.url,
    ...FAKE_BEDROCK_CREDENTIALS,
  }
  apiKey = {
    provider: 'bedrock',
    region: 'us-west-2',
    endpoint: fake.url,
    apiKey: FAKE_BEDROCK_API_KEY,
  }
})
afterAll(() => fake.close())
beforeEach(() => fake.reset())

const base = (extra: Partial<ChatRequest> = {}): ChatRequest => ({
  model: CLAUDE,
  messages: [{ role: 'user', content: 'Hi' }],
  ...extra,
})
const sent = (i = 0) => fake.requests[i]?.json as Record<string, any>

describe('bedrock transport and credentials', () => {
  it('speaks HTTP/2 to the runtime and signs with SigV4 for the connection region', async () => {
    await complete(base(), keys)
    const request = fake.requests[0]!
    expect(request.headers[':method']).toBe('POST')
    expect(request.url).toBe('/model/us.anthropic.claude-sonnet-4-5-20250929-v1%3A0/converse')
    expect(String(request.headers.authorization)).toMatch(
      new RegExp(
        `^AWS4-HMAC-SHA256 Credential=${FAKE_BEDROCK_CREDENTIALS.accessKeyId}/\\d{8}/us-west-2/bedrock/aws4_request`,
      ),
    )
    expect(request.authorized).toBe(true)
  })

  it('sends a Bedrock API key as a bearer token', async () => {
    await complete(base(), apiKey)
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${FAKE_BEDROCK_API_KEY}`)
    expect(fake.requests[0]?.authorized).toBe(true)
  })

  it('refuses a wrong API key with kind auth and a hint, without leaking it', async () => {
    const error = await caught(
      complete(base(), { ...apiKey, apiKey: 'ABSKd3JvbmctYnV0LXJlYWwtc2hhcGVkLWtleQ==' }),
    )
    expect(error.kind).toBe('auth')
    expect(error.status).toBe(403)
    expect(error.hint).toMatch(/API key/)
    expect(JSON.stringify(error) + error.stack).not.toContain('ABSKd3JvbmctYnV0')
  })

  describe('with AWS settings in the environment', () => {
    const saved = { ...process.env }
    beforeEach(() => {
      process.env.AWS_BEARER_TOKEN_BEDROCK =
        'ABSKZW52aXJvbm1lbnQta2V5LXRoYXQtbXVzdC1ub3QtYmUtdXNlZA=='
      process.env.AWS_ACCESS_KEY_ID = 'AKIAENVIRONMENTKEY00'
      process.env.AWS_SECRET_ACCESS_KEY = 'environment-secret'
      process.env.AWS_REGION = 'ap-south-1'
    })
    afterEach(() => {
      process.env = { ...saved }
    })

    it('uses only the connection’s credentials and region', async () => {
      await complete(base(), keys)
      expect(String(fake.requests[0]?.headers.authorization)).toContain(
        `${FAKE_BEDROCK_CREDENTIALS.accessKeyId}/`,
      )
      expect(fake.requests[0]?.authorized).toBe(true)
      await complete(base(), apiKey)
      expect(fake.requests[1]?.headers.authorization).toBe(`Bearer ${FAKE_BEDROCK_API_KEY}`)
    })
  })

  it('fails clearly without credentials', async () => {
    const error = await caught(
      complete(base(), { provider: 'bedrock', region: 'us-west-2', endpoint: fake.url }),
    )
    expect(error.kind).toBe('auth')
    expect(fake.requests).toHaveLength(0)
  })
})

describe('bedrock request mapping', () => {
  it('maps system prompts, sampling, stop and max tokens', async () => {
    await complete(
      base({
        model: 'us.amazon.nova-lite-v1:0',
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'developer', content: [{ type: 'text', text: 'Answer in French.' }] },
          { role: 'user', content: 'Hello' },
        ],
        max_tokens: 100,
        temperature: 0.3,
        top_p: 0.8,
        stop: 'END',
      }),
      keys,
    )
    expect(sent()).toEqual({
      messages: [{ role: 'user', content: [{ text: 'Hello' }] }],
      system: [{ text: 'Be brief.' }, { text: 'Answer in French.' }],
      inferenceConfig: { maxTokens: 100, temperature: 0.3, topP: 0.8, stopSequences: ['END'] },
    })
  })

  it('maps images, tools, tool_choice, tool calls and tool results', async () => {
    await complete(
      base({
        max_completion_tokens: 50,
        stop: ['a', 'b'],
        tools: [
          {
            type: 'function',
            function: {
              name: 'lookup',
              description: 'Look up',
              parameters: { type: 'object', properties: { q: { type: 'string' } } },
            },
          },
        ],
        tool_choice: { type: 'function', function: { name: 'lookup' } },
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'What is this?' },
              { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BASE64}` } },
            ],
          },
          {
            role: 'assistant',
            content: 'Let me look.',
            tool_calls: [
              {
                id: 'tooluse_1',
                type: 'function',
                function: { name: 'lookup', arguments: '{"q":"pixel"}' },
              },
            ],
          },
          { role: 'tool', tool_call_id: 'tooluse_1', content: 'a red pixel' },
          { role: 'user', content: 'And?' },
        ],
      }),
      keys,
    )
    const body = sent()
    expect(body.messages).toEqual([
      {
        role: 'user',
        content: [
          { text: 'What is this?' },
          { image: { format: 'png', source: { bytes: PNG_BASE64 } } },
        ],
      },
      {
        role: 'assistant',
        content: [
          { text: 'Let me look.' },
          { toolUse: { toolUseId: 'tooluse_1', name: 'lookup', input: { q: 'pixel' } } },
        ],
      },
      {
        role: 'user',
        content: [
          { toolResult: { toolUseId: 'tooluse_1', content: [{ text: 'a red pixel' }] } },
          { text: 'And?' },
        ],
      },
    ])
    expect(body.toolConfig).toEqual({
      tools: [
        {
          toolSpec: {
            name: 'lookup',
            description: 'Look up',
            inputSchema: { json: { type: 'object', properties: { q: { type: 'string' } } } },
          },
        },
      ],
      toolChoice: { tool: { name: 'lookup' } },
    })
    expect(body.inferenceConfig).toEqual({ maxTokens: 50, stopSequences: ['a', 'b'] })
  })

  it("maps tool_choice 'required' to any and 'none' to no tools", async () => {
    const tools: ChatRequest['tools'] = [{ type: 'function', function: { name: 'f' } }]
    await complete(base({ tools, tool_choice: 'required' }), keys)
    expect(sent(0).toolConfig.toolChoice).toEqual({ any: {} })
    await complete(base({ tools, tool_choice: 'none' }), keys)
    expect(sent(1).toolConfig).toBeUndefined()
  })

  it('downloads https image URLs (Bedrock takes only bytes), capped at 3.75 MB', async () => {
    const signal = new AbortController().signal
    const asked: string[] = []
    const fetchImage = (async (url: string) => {
      asked.push(url)
      return new Response(Buffer.from(PNG_BASE64, 'base64'), {
        headers: { 'content-type': 'image/png' },
      })
    }) as unknown as typeof fetch
    const block = await toImageBlock('https://images.example/pixel.png', fetchImage, signal)
    expect(asked).toEqual(['https://images.example/pixel.png'])
    expect(block.format).toBe('png')
    expect(Buffer.from(block.source!.bytes!).toString('base64')).toBe(PNG_BASE64)

    const huge = (async () =>
      new Response(new Uint8Array(MAX_IMAGE_BYTES + 1), {
        headers: { 'content-type': 'image/jpeg' },
      })) as unknown as typeof fetch
    await expect(
      toImageBlock('https://images.example/huge.jpg', huge, signal),
    ).rejects.toMatchObject({
      kind: 'invalid_request',
    })
  })

  it('refuses unsupported image types before calling Bedrock', async () => {
    const error = await caught(
      complete(
        base({
          messages: [
            {
              role: 'user',
              content: [{ type: 'image_url', image_url: { url: 'data:image/bmp;base64,Qk0=' } }],
            },
          ],
        }),
        keys,
      ),
    )
    expect(error.kind).toBe('invalid_request')
    expect(fake.requests).toHaveLength(0)
  })

  it('sends json_schema as structured output and refuses json_object', async () => {
    const schema = {
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
      additionalProperties: false,
    }
    await complete(
      base({
        response_format: {
          type: 'json_schema',
          json_schema: { name: 'City', description: 'A city', schema },
        },
      }),
      keys,
    )
    expect(sent().outputConfig).toEqual({
      textFormat: {
        type: 'json_schema',
        structure: {
          jsonSchema: { name: 'City', description: 'A city', schema: JSON.stringify(schema) },
        },
      },
    })
    const error = await caught(complete(base({ response_format: { type: 'json_object' } }), keys))
    expect(error.kind).toBe('invalid_request')
    expect(fake.requests).toHaveLength(1)
  })

  it('maps thinking_budget and reasoning_effort per model family', async () => {
    await complete(base({ thinking_budget: 2048, max_tokens: 4096 }), keys)
    expect(sent(0).additionalModelRequestFields).toEqual({
      thinking: { type: 'enabled', budget_tokens: 2048 },
    })
    expect(sent(0).inferenceConfig).toEqual({ maxTokens: 4096 })

    // Claude as on Anthropic's API: effort, and adaptive thinking where the model has it.
    await complete(base({ model: 'us.anthropic.claude-opus-4-7', reasoning_effort: 'low' }), keys)
    expect(sent(1).additionalModelRequestFields).toEqual({
      thinking: { type: 'adaptive' },
      output_config: { effort: 'low' },
    })
    expect(sent(1).inferenceConfig).toEqual({ maxTokens: 128_000 })

    await complete(base({ model: 'openai.gpt-oss-120b-1:0', reasoning_effort: 'high' }), keys)
    expect(sent(2).additionalModelRequestFields).toEqual({ reasoning_effort: 'high' })

    await complete(base({ model: 'us.amazon.nova-2-lite-v1:0', reasoning_effort: 'medium' }), keys)
    expect(sent(3).additionalModelRequestFields).toEqual({
      reasoningConfig: { type: 'enabled', maxReasoningEffort: 'medium' },
    })
  })

  it.each([
    ['seed', { seed: 1 }],
    ['presence_penalty', { presence_penalty: 0.5 }],
    ['frequency_penalty', { frequency_penalty: 0.5 }],
    ['thinking_budget', { model: 'us.amazon.nova-lite-v1:0', thinking_budget: 1024 }],
    [
      'response_format',
      {
        model: 'us.amazon.nova-lite-v1:0',
        response_format: { type: 'json_schema', json_schema: { name: 'x' } },
      },
    ],
    ['temperature', { model: 'global.anthropic.claude-fable-5-1', temperature: 0.2 }],
  ] as const)('rejects %s where Bedrock cannot take it', async (parameter, extra) => {
    const error = await caught(complete(base(extra as Partial<ChatRequest>), keys))
    expect(error.kind).toBe('unsupported_parameter')
    expect(error.parameter).toBe(parameter)
    expect(error.message).toContain(parameter)
    expect(fake.requests).toHaveLength(0)
  })
})

describe('bedrock response mapping', () => {
  it('returns reasoning, cached-token usage and tool calls from Converse', async () => {
    fake.enqueue({
      reasoning: ['Think', 'ing.'],
      text: ['Done'],
      toolCalls: [{ id: 'tooluse_x', name: 'f', argumentFragments: ['{"a":', '1}'] }],
      usage: { input: 100, output: 20, cachedInput: 60 },
      finishReason: 'tool_calls',
    })
    const answer = await complete(base(), keys)
    expect(answer.choices[0]?.message).toEqual({
      role: 'assistant',
      content: 'Done',
      reasoning_content: 'Thinking.',
      reasoning_details: [
        {
          type: 'reasoning.text',
          text: 'Thinking.',
          signature: 'EqQBCkgIBxABGAIqQFakeSignature',
          format: 'bedrock-converse-v1',
          index: 0,
        },
      ],
      tool_calls: [
        { id: 'tooluse_x', type: 'function', function: { name: 'f', arguments: '{"a":1}' } },
      ],
    })
    expect(answer.choices[0]?.finish_reason).toBe('tool_calls')
    expect(answer.usage).toEqual({
      prompt_tokens: 100,
      completion_tokens: 20,
      total_tokens: 120,
      prompt_tokens_details: { cached_tokens: 60 },
    })
  })

  it('streams reasoning and cached usage on the last chunk', async () => {
    fake.enqueue({
      reasoning: ['a', 'b'],
      text: ['c'],
      usage: { input: 10, output: 5, cachedInput: 4 },
    })
    const chunks = await collect(stream(base(), keys))
    expect(chunks.map((c) => c.choices[0]?.delta.reasoning_content ?? '').join('')).toBe('ab')
    expect(chunks.at(-1)?.usage).toEqual({
      prompt_tokens: 10,
      completion_tokens: 5,
      total_tokens: 15,
      prompt_tokens_details: { cached_tokens: 4 },
    })
  })

  it('maps the in-stream modelStreamErrorException (overloaded) to an error after the chunks', async () => {
    fake.enqueue({ text: ['a', 'b'], errorEventAfterEvents: 1 })
    const chunks: string[] = []
    const error = await caught(
      (async () => {
        for await (const chunk of stream(base(), keys, { maxRetries: 0 }))
          chunks.push(chunk.choices[0]?.delta.content ?? '')
      })(),
    )
    expect(chunks.join('')).toBe('a')
    expect(error.kind).toBe('overloaded')
    expect(error.code).toBe('ModelStreamErrorException')
  })
})

describe('bedrock errors', () => {
  it('gives the inference-profile hint for on-demand ValidationExceptions, with the request id', async () => {
    fake.enqueue({ error: 'invalid_request' })
    const error = await caught(
      complete(base({ model: 'anthropic.claude-sonnet-4-5-20250929-v1:0' }), keys, {
        maxRetries: 0,
      }),
    )
    expect(error.kind).toBe('invalid_request')
    expect(error.code).toBe('ValidationException')
    expect(error.hint).toMatch(/inference profile/)
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/)
  })

  it.each([
    ['permission', /model access|Enable access/i],
    ['quota', /daily token quota/],
    ['context_length', /Shorten/],
    ['not_found', /retired/],
  ] as const)('hints at the cause of %s', async (kind, hint) => {
    fake.enqueue({ error: kind })
    const error = await caught(complete(base(), keys, { maxRetries: 0 }))
    expect(error.kind).toBe(kind)
    expect(error.hint).toMatch(hint)
  })

  it('reads retry-after into retryAfterMs', async () => {
    fake.enqueue({ error: 'overloaded', retryAfterSeconds: 3 })
    const error = await caught(complete(base(), keys, { maxRetries: 0 }))
    expect(error.kind).toBe('overloaded')
    expect(error.status).toBe(503)
    expect(error.retryAfterMs).toBe(3000)
  })
})

describe('bedrock models', () => {
  it('lists on-demand foundation models and every inference profile (paged)', async () => {
    const models = await listModels(keys)
    const ids = models.filter((m) => m.listed).map((m) => m.id)
    expect(ids).toContain('amazon.nova-lite-v1:0')
    expect(ids).toContain('openai.gpt-oss-120b-1:0')
    expect(ids).not.toContain('anthropic.claude-sonnet-4-5-20250929-v1:0')
    expect(ids).not.toContain('amazon.titan-embed-text-v2:0')
    expect(ids).toContain('global.anthropic.claude-sonnet-4-5-20250929-v1:0')
    expect(ids).toContain('us.meta.llama3-3-70b-instruct-v1:0')
    expect(
      fake.requests.filter((r) => r.url.startsWith('/inference-profiles')).length,
    ).toBeGreaterThan(1)
    expect(fake.requests.every((r) => r.authorized)).toBe(true)
  })

  it('maps inference profiles and ARNs to catalog ids', () => {
    const id = bedrockDescriptor.catalogId!
    expect(id('us.anthropic.claude-sonnet-4-5-20250929-v1:0')).toBe(
      'anthropic.claude-sonnet-4-5-20250929-v1:0',
    )
    expect(id('global.anthropic.claude-opus-4-8')).toBe('anthropic.claude-opus-4-8')
    expect(id('apac.amazon.nova-pro-v1:0')).toBe('amazon.nova-pro-v1:0')
    expect(id('arn:aws:bedrock:eu-west-1::foundation-model/meta.llama3-3-70b-instruct-v1:0')).toBe(
      'meta.llama3-3-70b-instruct-v1:0',
    )
    expect(id('arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.deepseek.r1-v1:0')).toBe(
      'deepseek.r1-v1:0',
    )
    expect(id('amazon.nova-micro-v1:0')).toBe('amazon.nova-micro-v1:0')
    const caps = capabilities('bedrock', 'eu.anthropic.claude-sonnet-4-5-20250929-v1:0')
    expect(caps.known).toBe(true)
    expect(caps.price?.inputPerMTok).toBeGreaterThan(0)
    expect(caps.parameters.n.support).toBe('emulated')
    expect(caps.parameters.thinking_budget.support).toBe('supported')
  })
})
