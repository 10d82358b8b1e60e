import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { capabilities, complete, listModels, LlmError, stream } from '../../packages/llm/src/index'
import type { ChatCompletionChunk, ChatRequest, Connection } from '../../packages/llm/src/types'
import type { FakeServer } from '../fakes/fake-script'
import { OPENAI_FAKE_DEFAULTS, startOpenAIFake } from '../fakes/openai/openai-fake'

let fake: FakeServer
let keyless: FakeServer
let openai: Connection
let azure: Connection
let azureDated: Connection
let compatible: Connection

beforeAll(async () => {
  fake = await startOpenAIFake()
  keyless = await startOpenAIFake({ compatibleKey: null })
  openai = {
    provider: 'openai',
    apiKey: OPENAI_FAKE_DEFAULTS.openaiKey,
    baseURL: `${fake.url}/v1`,
    organization: 'org-abc',
    project: 'proj_xyz',
  }
  azure = { provider: 'azure', endpoint: `${fake.url}/`, apiKey: OPENAI_FAKE_DEFAULTS.azureKey }
  azureDated = {
    provider: 'azure',
    endpoint: fake.url,
    apiKey: OPENAI_FAKE_DEFAULTS.azureKey,
    apiVersion: '2024-10-21',
  }
  compatible = {
    provider: 'openai-compatible',
    baseURL: `${keyless.url}/compat/v1`,
    headers: { 'HTTP-Referer': 'https://parallax.test' },
  }
})
afterAll(async () => {
  await fake.close()
  await keyless.close()
})
beforeEach(() => {
  fake.reset()
  keyless.reset()
})

async function collect(chunks: AsyncIterable<ChatCompletionChunk>): Promise<ChatCompletionChunk[]> {
  const out: ChatCompletionChunk[] = []
  for await (const chunk of chunks) out.push(chunk)
  return out
}

async function failure(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  expect(error).toBeInstanceOf(LlmError)
  return error as LlmError
}

const sentBody = (server: FakeServer = fake) =>
  server.requests.at(-1)?.json as Record<string, unknown>

const weatherTool: NonNullable<ChatRequest['tools']> = [
  {
    type: 'function',
    function: {
      name: 'get_weather',
      parameters: { type: 'object', properties: { city: { type: 'string' } } },
    },
  },
]

describe('request mapping', () => {
  it('sends a rich request as OpenAI expects it, with the credentials and org/project headers', async () => {
    const request: ChatRequest = {
      model: 'gpt-4.1-mini',
      messages: [
        { role: 'system', content: 'Be brief.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Look' },
            { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'low' } },
          ],
        },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call_1',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Oslo"}' },
            },
          ],
          reasoning_content: 'hidden',
        },
        { role: 'tool', tool_call_id: 'call_1', content: '{"sky":"grey"}' },
      ],
      temperature: 0.3,
      top_p: 0.9,
      max_tokens: 100,
      stop: ['END'],
      seed: 7,
      presence_penalty: 0.1,
      frequency_penalty: 0.2,
      tools: weatherTool,
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      parallel_tool_calls: false,
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'w', schema: { type: 'object' }, strict: true },
      },
      n: 2,
    }
    await complete(request, openai)
    const recorded = fake.requests[0]
    expect(recorded?.url).toBe('/v1/chat/completions')
    expect(recorded?.headers.authorization).toBe(`Bearer ${OPENAI_FAKE_DEFAULTS.openaiKey}`)
    expect(recorded?.headers['openai-organization']).toBe('org-abc')
    expect(recorded?.headers['openai-project']).toBe('proj_xyz')
    expect(recorded?.headers['x-stainless-retry-count']).toBe('0')
    const body = sentBody()
    expect(body).toMatchObject({
      model: 'gpt-4.1-mini',
      temperature: 0.3,
      top_p: 0.9,
      max_tokens: 100,
      stop: ['END'],
      seed: 7,
      presence_penalty: 0.1,
      frequency_penalty: 0.2,
      n: 2,
      tools: weatherTool,
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      parallel_tool_calls: false,
      response_format: { type: 'json_schema', json_schema: { name: 'w', strict: true } },
    })
    expect(body.max_completion_tokens).toBeUndefined()
    expect(body.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Look' },
          { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'low' } },
        ],
      },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Oslo"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '{"sky":"grey"}' },
    ])
  })

  it('sends max_completion_tokens and reasoning_effort to reasoning models, and refuses their sampling parameters', async () => {
    await complete(
      {
        model: 'o4-mini',
        messages: [
          { role: 'developer', content: 'Think.' },
          { role: 'user', content: 'Hi' },
        ],
        max_tokens: 500,
        reasoning_effort: 'high',
      },
      openai,
    )
    expect(sentBody()).toMatchObject({
      max_completion_tokens: 500,
      reasoning_effort: 'high',
      messages: [{ role: 'developer' }, { role: 'user' }],
    })
    expect(sentBody().max_tokens).toBeUndefined()

    for (const extra of [
      { temperature: 0.5 },
      { top_p: 0.5 },
      { presence_penalty: 1 },
      { stop: 'x' },
      { thinking_budget: 1000 },
    ]) {
      const error = await failure(
        complete(
          { model: 'gpt-5.4-mini', messages: [{ role: 'user', content: 'Hi' }], ...extra },
          openai,
        ),
      )
      expect(error.kind).toBe('unsupported_parameter')
      expect(error.parameter).toBe(Object.keys(extra)[0])
      expect(error.message).toContain(Object.keys(extra)[0])
    }
    const effort = await failure(
      complete(
        { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }], reasoning_effort: 'low' },
        openai,
      ),
    )
    expect(effort.message).toContain('reasoning_effort')
    expect(fake.requests).toHaveLength(1)
  })

  it('always asks streams for usage', async () => {
    await collect(
      stream({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] }, openai),
    )
    expect(sentBody()).toMatchObject({ stream: true, stream_options: { include_usage: true } })
  })

  it('sends Azure v1 requests with api-key and no Authorization, the deployment as model', async () => {
    await complete(
      {
        model: 'my-gpt-5.4-deployment',
        messages: [{ role: 'user', content: 'Hi' }],
        max_tokens: 10,
      },
      azure,
    )
    const recorded = fake.requests[0]
    expect(recorded?.url).toBe('/openai/v1/chat/completions')
    expect(recorded?.headers['api-key']).toBe(OPENAI_FAKE_DEFAULTS.azureKey)
    expect(recorded?.headers.authorization).toBeUndefined()
    expect(sentBody()).toMatchObject({ model: 'my-gpt-5.4-deployment', max_tokens: 10 })
  })

  it('sends dated Azure api-versions to the deployment path', async () => {
    await complete(
      { model: 'gpt-5.2_2025-12-11', messages: [{ role: 'user', content: 'Hi' }], max_tokens: 10 },
      azureDated,
    )
    const recorded = fake.requests[0]
    expect(recorded?.url).toBe(
      '/openai/deployments/gpt-5.2_2025-12-11/chat/completions?api-version=2024-10-21',
    )
    expect(recorded?.headers['api-key']).toBe(OPENAI_FAKE_DEFAULTS.azureKey)
    // The deployment name maps to the GPT-5.2 catalog entry, a reasoning model.
    expect(sentBody()).toMatchObject({ max_completion_tokens: 10 })
    expect(capabilities('azure', 'gpt-5.2_2025-12-11').known).toBe(true)
  })

  it('sends no Authorization to a keyless compatible server, keeps custom headers, and sends system for developer', async () => {
    await complete(
      {
        model: 'llama3.3',
        messages: [
          { role: 'developer', content: 'Be brief.' },
          { role: 'user', content: 'Hi' },
        ],
        max_tokens: 10,
      },
      compatible,
    )
    const recorded = keyless.requests[0]
    expect(recorded?.authorized).toBe(true)
    expect(recorded?.headers.authorization).toBeUndefined()
    expect(recorded?.headers['http-referer']).toBe('https://parallax.test')
    expect(sentBody(keyless)).toMatchObject({
      messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user' }],
      max_tokens: 10,
    })
  })

  it('emulates n for compatible servers with parallel single-choice requests', async () => {
    keyless.enqueue({ text: ['A'] }, { text: ['B'] })
    const answer = await complete(
      { model: 'llama3.3', messages: [{ role: 'user', content: 'Hi' }], n: 2 },
      compatible,
    )
    expect(answer.choices.map((c) => c.message.content).sort()).toEqual(['A', 'B'])
    expect(keyless.requests.map((r) => (r.json as { n?: number }).n)).toEqual([
      undefined,
      undefined,
    ])
  })
})

describe('response mapping', () => {
  it('keeps cached and reasoning token details', async () => {
    fake.enqueue({
      text: ['ok'],
      usage: { input: 100, output: 40, cachedInput: 64, reasoning: 32 },
    })
    const answer = await complete(
      { model: 'o4-mini', messages: [{ role: 'user', content: 'Hi' }] },
      openai,
    )
    expect(answer.usage).toEqual({
      prompt_tokens: 100,
      completion_tokens: 40,
      total_tokens: 140,
      prompt_tokens_details: { cached_tokens: 64 },
      completion_tokens_details: { reasoning_tokens: 32 },
    })
    fake.enqueue({
      text: ['ok'],
      usage: { input: 100, output: 40, cachedInput: 64, reasoning: 32 },
    })
    const chunks = await collect(
      stream({ model: 'o4-mini', messages: [{ role: 'user', content: 'Hi' }] }, openai),
    )
    expect(chunks.at(-1)).toMatchObject({
      choices: [],
      usage: {
        prompt_tokens_details: { cached_tokens: 64 },
        completion_tokens_details: { reasoning_tokens: 32 },
      },
    })
  })

  it('streams reasoning_content from compatible servers, complete and streamed', async () => {
    keyless.enqueue(
      { reasoning: ['Hmm', ', 6×7'], text: ['42'] },
      { reasoning: ['Hmm'], text: ['42'] },
    )
    const chunks = await collect(
      stream(
        { model: 'deepseek-reasoner', messages: [{ role: 'user', content: 'Hi' }] },
        compatible,
      ),
    )
    expect(chunks.map((c) => c.choices[0]?.delta.reasoning_content ?? '').join('')).toBe('Hmm, 6×7')
    expect(chunks[0]?.choices[0]?.delta.role).toBe('assistant')
    const answer = await complete(
      { model: 'deepseek-reasoner', messages: [{ role: 'user', content: 'Hi' }] },
      compatible,
    )
    expect(answer.choices[0]?.message).toMatchObject({ content: '42', reasoning_content: 'Hmm' })
  })

  it('drops Azure’s prompt-filter chunk and serves n choices interleaved', async () => {
    fake.enqueue({
      text: ['x', 'y'],
      finishReason: 'content_filter',
      usage: { input: 3, output: 2 },
    })
    const chunks = await collect(
      stream({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }], n: 2 }, azure),
    )
    expect(chunks.every((c) => c.id !== '')).toBe(true)
    for (const index of [0, 1]) {
      const choices = chunks.flatMap((c) => c.choices).filter((c) => c.index === index)
      expect(choices.map((c) => c.delta.content ?? '').join('')).toBe('xy')
      expect(choices.at(-1)?.finish_reason).toBe('content_filter')
    }
    expect(chunks.at(-1)?.usage).toMatchObject({
      prompt_tokens: 3,
      completion_tokens: 2,
      total_tokens: 5,
    })
  })
})

describe('errors', () => {
  it('maps OpenAI bodies and headers to kinds, hints, request ids and retry waits', async () => {
    fake.enqueue({ error: 'rate_limit', retryAfterSeconds: 90 })
    const limited = await failure(
      complete({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] }, openai, {
        maxRetries: 0,
      }),
    )
    expect(limited).toMatchObject({
      kind: 'rate_limit',
      status: 429,
      retryAfterMs: 90_000,
      code: 'rate_limit_exceeded',
    })
    expect(limited.requestId).toMatch(/^req_/)

    fake.enqueue({ error: 'quota' })
    const quota = await failure(
      complete({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] }, openai),
    )
    expect(quota).toMatchObject({ kind: 'quota', status: 429, code: 'insufficient_quota' })
    expect(quota.hint).toMatch(/credit|spend limit/)

    fake.enqueue({ error: 'context_length' })
    expect(
      await failure(
        complete({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] }, openai),
      ),
    ).toMatchObject({ kind: 'context_length', code: 'context_length_exceeded' })

    fake.enqueue({ error: 'content_filter' })
    expect(
      await failure(complete({ model: 'o3', messages: [{ role: 'user', content: 'Hi' }] }, openai)),
    ).toMatchObject({ kind: 'content_filter', code: 'invalid_prompt' })

    fake.enqueue({ error: 'overloaded', times: 3 })
    expect(
      await failure(
        complete({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] }, openai, {
          maxRetries: 0,
        }),
      ),
    ).toMatchObject({ kind: 'overloaded', status: 503 })
  })

  it('maps Azure gateway errors, with hints about deployments and the content filter', async () => {
    fake.enqueue({ error: 'not_found' })
    const missing = await failure(
      complete({ model: 'nope', messages: [{ role: 'user', content: 'Hi' }] }, azure),
    )
    expect(missing).toMatchObject({ kind: 'not_found', status: 404, code: 'DeploymentNotFound' })
    expect(missing.hint).toMatch(/deployment name/)
    expect(missing.requestId).toMatch(/^[0-9a-f-]{36}$/)

    fake.enqueue({ error: 'content_filter' })
    const filtered = await failure(
      complete({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] }, azure),
    )
    expect(filtered).toMatchObject({ kind: 'content_filter', status: 400 })
    expect(filtered.hint).toMatch(/content filter/)

    fake.enqueue({ error: 'rate_limit', retryAfterSeconds: 7 })
    expect(
      await failure(
        complete({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] }, azure, {
          maxRetries: 0,
        }),
      ),
    ).toMatchObject({ kind: 'rate_limit', retryAfterMs: 7000 })

    const badVersion = await failure(
      complete({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] }, {
        ...azureDated,
        apiVersion: 'yesterday',
      } as Connection),
    )
    expect(badVersion).toMatchObject({ kind: 'not_found', status: 404 })
    expect(badVersion.hint).toMatch(/api-version/)

    const wrongKey = await failure(
      complete({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] }, {
        ...azure,
        apiKey: 'ffffffffffffffffffffffffffffffff',
      } as Connection),
    )
    expect(wrongKey).toMatchObject({ kind: 'auth', status: 401 })
    expect(JSON.stringify(wrongKey)).not.toContain('ffffffffffffffffffffffffffffffff')
  })

  it('maps compatible servers’ dialects: vLLM top-level errors and OpenRouter’s 402', async () => {
    keyless.enqueue({ error: 'context_length' }, { error: 'quota' })
    expect(
      await failure(
        complete({ model: 'llama3.3', messages: [{ role: 'user', content: 'Hi' }] }, compatible),
      ),
    ).toMatchObject({ kind: 'context_length', status: 400 })
    expect(
      await failure(
        complete({ model: 'llama3.3', messages: [{ role: 'user', content: 'Hi' }] }, compatible),
      ),
    ).toMatchObject({ kind: 'quota', status: 402 })
  })

  it('fails a stream whose connection closes before [DONE] even after the finish chunk', async () => {
    // Cut after the last content event: the finish chunk and [DONE] never arrive.
    fake.enqueue({ text: ['a', 'b'], cutAfterEvents: 2 })
    const chunks: ChatCompletionChunk[] = []
    const error = await failure(
      (async () => {
        for await (const chunk of stream(
          { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] },
          openai,
          { maxRetries: 0 },
        ))
          chunks.push(chunk)
      })(),
    )
    expect(error.kind).toBe('network')
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('ab')
  })

  it('reports an unreachable compatible server as a network error with a hint', async () => {
    const error = await failure(
      complete(
        { model: 'x', messages: [{ role: 'user', content: 'Hi' }] },
        { provider: 'openai-compatible', baseURL: 'http://127.0.0.1:9/v1' },
        { maxRetries: 0 },
      ),
    )
    expect(error.kind).toBe('network')
  })
})

describe('listModels', () => {
  it('lists OpenAI chat models only, compatible models all, Azure catalog suggestions', async () => {
    const models = await listModels(openai)
    expect(models.map((m) => m.id)).toContain('gpt-5.4')
    expect(models.map((m) => m.id)).not.toContain('text-embedding-3-small')
    expect(models.every((m) => m.listed)).toBe(true)
    expect(fake.requests[0]?.url).toBe('/v1/models')

    const local = await listModels(compatible)
    // Everything a local server serves is listed; catalog data attaches to the tags it knows.
    expect(local.map((m) => m.id).sort()).toEqual([
      'gemma3:12b',
      'llama3.3:latest',
      'my-finetune:q4',
      'qwen3:8b',
    ])
    expect(local.find((m) => m.id === 'llama3.3:latest')?.capabilities.known).toBe(true)
    expect(local.find((m) => m.id === 'my-finetune:q4')?.capabilities.known).toBe(false)
    expect(keyless.requests[0]?.url).toBe('/compat/v1/models')

    const suggested = await listModels(azure)
    expect(suggested.length).toBeGreaterThan(5)
    expect(suggested.every((m) => !m.listed && m.capabilities.known)).toBe(true)
  })
})
