import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { capturesAvailable, CAPTURES_ROOT } from './provider-captures'
import { complete, LlmError, stream } from '../../packages/llm/src/index'
import type { ChatCompletionChunk, ChatRequest, Connection } from '../../packages/llm/src/types'

/** Real recorded traffic, kept beside the repository (never copied into it). */
const CAPTURES = CAPTURES_ROOT
const KEEP = /^(content-type|x-request-id|apim-request-id|retry-after(-ms)?|x-ratelimit-.*)$/i

interface Replay {
  status: number
  headers: Record<string, string>
  body: string
}

function capture(name: string, edit: (body: string) => string = (b) => b): Replay {
  const meta = JSON.parse(readFileSync(join(CAPTURES, `${name}.meta.json`), 'utf8')) as {
    response: { status: number; headers: [string, string][] }
    body_file: string
  }
  const headers: Record<string, string> = {}
  for (const [key, value] of meta.response.headers)
    if (KEEP.test(key)) headers[key.toLowerCase()] = value
  return {
    status: meta.response.status,
    headers,
    body: edit(readFileSync(join(CAPTURES, dirname(name), meta.body_file), 'utf8')),
  }
}

let server: Server
let url = ''
let next: Replay | undefined

beforeAll(async () => {
  // Serves the capture split into small uneven pieces, so frames straddle reads.
  server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      const replay = next
      if (!replay) return res.writeHead(500).end()
      res.writeHead(replay.status, replay.headers)
      const bytes = Buffer.from(replay.body)
      const sizes = [3, 17, 5, 97, 2, 211, 11, 41]
      let at = 0
      let turn = 0
      const pump = (): void => {
        if (at >= bytes.length) return void res.end()
        const size = sizes[turn++ % sizes.length] ?? 8
        res.write(bytes.subarray(at, at + size))
        at += size
        setTimeout(pump, turn % 5 === 0 ? 1 : 0)
      }
      pump()
    })
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((done) => server.close(() => done())))

const openai = (): Connection => ({
  provider: 'openai',
  apiKey: 'sk-proj-replayKey0123456789abcdefghij',
  baseURL: `${url}/v1`,
})
const azure = (): Connection => ({
  provider: 'azure',
  endpoint: url,
  apiKey: '0123456789abcdef0123456789abcdef',
})
const compatible = (): Connection => ({
  provider: 'openai-compatible',
  baseURL: `${url}/api/v1`,
  apiKey: 'sk-or-v1-replay0123456789',
})
const ask = (model: string, extra: Partial<ChatRequest> = {}): ChatRequest => ({
  model,
  messages: [{ role: 'user', content: 'Hi' }],
  ...extra,
})

async function collect(chunks: AsyncIterable<ChatCompletionChunk>): Promise<ChatCompletionChunk[]> {
  const out: ChatCompletionChunk[] = []
  for await (const chunk of chunks) out.push(chunk)
  return out
}

const textOf = (chunks: ChatCompletionChunk[], index = 0) =>
  chunks
    .flatMap((c) => c.choices)
    .filter((c) => c.index === index)
    .map((c) => c.delta.content ?? '')
    .join('')

async function failure(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  expect(error).toBeInstanceOf(LlmError)
  return error as LlmError
}

describe.skipIf(!capturesAvailable)('replayed OpenAI captures', () => {
  it('streams text with usage on the last chunk', async () => {
    next = capture('openai-chat/pydai-stream-text-include-usage')
    const chunks = await collect(stream(ask('gpt-4o-mini'), openai()))
    expect(textOf(chunks)).toBe('The capital of the UK is London.')
    expect(chunks[0]?.choices[0]?.delta.role).toBe('assistant')
    expect(chunks.flatMap((c) => c.choices).find((c) => c.finish_reason)?.finish_reason).toBe(
      'stop',
    )
    expect(chunks.at(-1)).toMatchObject({
      choices: [],
      usage: { prompt_tokens: 78, completion_tokens: 9, total_tokens: 87 },
    })
  })

  it('fails the same stream with its [DONE] line removed, after the chunks', async () => {
    next = capture('openai-chat/pydai-stream-text-include-usage', (body) =>
      body.replace('data: [DONE]', ''),
    )
    const chunks: ChatCompletionChunk[] = []
    const error = await failure(
      (async () => {
        for await (const chunk of stream(ask('gpt-4o-mini'), openai(), { maxRetries: 0 }))
          chunks.push(chunk)
      })(),
    )
    expect(error.kind).toBe('network')
    expect(textOf(chunks)).toBe('The capital of the UK is London.')
  })

  it('streams n = 2 interleaved tool calls', async () => {
    next = capture('openai-chat/ddtrace-stream-n2-tool-calls')
    const chunks = await collect(stream(ask('gpt-3.5-turbo', { n: 2 }), openai()))
    for (const index of [0, 1]) {
      const choices = chunks.flatMap((c) => c.choices).filter((c) => c.index === index)
      const deltas = choices.flatMap((c) => c.delta.tool_calls ?? [])
      expect(deltas[0]?.function?.name).toBe('get_current_weather')
      expect(JSON.parse(deltas.map((d) => d.function?.arguments ?? '').join(''))).toHaveProperty(
        'location',
      )
      expect(choices.find((c) => c.finish_reason)?.finish_reason).toBe('tool_calls')
    }
    expect(chunks.at(-1)?.usage?.total_tokens).toBeGreaterThan(0)
  })

  it('maps a non-streamed answer', async () => {
    next = capture('openai-chat/pydai-text')
    const answer = await complete(ask('gpt-4o'), openai())
    expect(answer.choices[0]).toMatchObject({
      message: { role: 'assistant', content: 'The capital of France is Paris.' },
      finish_reason: 'stop',
      provider_finish_reason: 'stop',
    })
    // The capture's `refusal: null` and `annotations: []` leave nothing to keep.
    expect(answer.choices[0]?.message).not.toHaveProperty('refusal')
    expect(answer.choices[0]?.message).not.toHaveProperty('annotations')
    expect(answer.usage).toEqual({
      prompt_tokens: 14,
      completion_tokens: 7,
      total_tokens: 21,
      prompt_tokens_details: { cached_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0 },
    })
  })

  it('maps real error answers', async () => {
    next = capture('openai-chat/mirascope-error-401-invalid-api-key-on-stream-request')
    const auth = await failure(collect(stream(ask('gpt-4o'), openai())))
    expect(auth).toMatchObject({
      kind: 'auth',
      status: 401,
      code: 'invalid_api_key',
      requestId: 'req_e110441cdd4d4b489d1e949075fa96bc',
    })

    next = capture('openai-chat/rubyllm-error-429-rate-limit-exceeded-tpm')
    expect(await failure(complete(ask('gpt-4.1-nano'), openai(), { maxRetries: 0 }))).toMatchObject(
      { kind: 'rate_limit', status: 429 },
    )

    next = capture('openai-chat/pydai-error-404-model-not-found')
    expect(await failure(complete(ask('gpt-5.2-proo'), openai()))).toMatchObject({
      kind: 'not_found',
      code: 'model_not_found',
    })

    next = capture('openai-chat/pydai-error-400-unsupported-value')
    expect(await failure(complete(ask('o1-mini'), openai()))).toMatchObject({
      kind: 'invalid_request',
      status: 400,
    })
  })
})

describe.skipIf(!capturesAvailable)('replayed Azure captures', () => {
  it('skips the prompt-filter chunk and keeps usage', async () => {
    next = capture('azure-openai/ddtrace-chat-stream-gpt52-prompt-filter-include-usage')
    const chunks = await collect(stream(ask('gpt-5.2_2025-12-11'), azure()))
    expect(chunks.every((c) => c.id.startsWith('chatcmpl-'))).toBe(true)
    expect(textOf(chunks)).toMatch(/^Not much—here and ready/)
    expect(chunks.at(-1)?.usage).toMatchObject({
      prompt_tokens: 12,
      completion_tokens: 24,
      total_tokens: 36,
    })
  })

  it('accepts a choice without a delta (2023 api-version stream)', async () => {
    next = capture('azure-openai/ddtrace-chat-stream-gpt4omini-content-filter')
    const chunks = await collect(stream(ask('gpt-4o-mini'), azure()))
    expect(textOf(chunks)).toMatch(/^I'm unable to provide/)
    expect(chunks.flatMap((c) => c.choices).find((c) => c.finish_reason)?.finish_reason).toBe(
      'stop',
    )
  })

  it('waits as the real 429 asks: its retry-after-ms of 0 defers to retry-after: 1', async () => {
    next = capture('azure-openai/rubyllm-error-429-rate-limit-reached')
    const error = await failure(complete(ask('gpt-4o'), azure(), { maxRetries: 0 }))
    expect(error).toMatchObject({ kind: 'rate_limit', status: 429, retryAfterMs: 1000 })
  })

  it('maps the content-filter 400', async () => {
    next = {
      ...capture('azure-openai/issue-error-400-content-filter'),
      headers: { 'content-type': 'application/json' },
    }
    const error = await failure(complete(ask('gpt-4o'), azure()))
    expect(error).toMatchObject({ kind: 'content_filter', status: 400, code: 'content_filter' })
  })
})

describe.skipIf(!capturesAvailable)('replayed OpenAI-compatible captures', () => {
  it('repairs OpenRouter’s repeated tool-call header and keeps usage', async () => {
    next = capture('openai-chat/llm-openrouter-kimi-stream-tool-call')
    const chunks = await collect(stream(ask('moonshotai/kimi-k2'), compatible()))
    const deltas = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? [])
    expect(deltas.filter((d) => d.function?.name).map((d) => d.function?.name)).toEqual([
      'llm_version',
    ])
    expect(deltas.map((d) => d.function?.arguments ?? '').join('')).toBe('{}')
    expect(chunks.filter((c) => c.choices[0]?.delta.role)).toHaveLength(1)
    expect(chunks.at(-1)?.usage).toMatchObject({
      prompt_tokens: 57,
      completion_tokens: 17,
      total_tokens: 74,
    })
  })
})
