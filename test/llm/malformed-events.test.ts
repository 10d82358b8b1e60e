import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LlmError, stream, type ChatCompletionChunk } from '../../packages/llm/src/index'
import { OTHER_EVENT } from '../../packages/llm/src/providers/anthropic/anthropic-sse-reader'
import { AnthropicStreamMapper } from '../../packages/llm/src/providers/anthropic/map-anthropic-stream'

// Events a broken server (or a proxy rewriting the stream) may send: each is an LlmError that
// quotes it, or — for a malformed entry inside a well-formed chunk — skipped; never a TypeError.
let body = ''
let server: Server
let baseURL = ''

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/event-stream' })
      res.end(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const frame = (data: string) => `data: ${data}\n\n`
const OPENING = frame(
  '{"id":"c1","choices":[{"index":0,"delta":{"role":"assistant","content":"ok"}}]}',
)
const ENDING =
  frame('{"id":"c1","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}') + frame('[DONE]')

async function run(middle: string) {
  body = OPENING + frame(middle) + ENDING
  const chunks: ChatCompletionChunk[] = []
  try {
    const request = { model: 'gpt-4.1-mini', messages: [{ role: 'user' as const, content: 'hi' }] }
    const connection = { provider: 'openai' as const, apiKey: 'sk-test', baseURL }
    for await (const chunk of stream(request, connection, { maxRetries: 0 })) chunks.push(chunk)
    return { chunks, error: undefined }
  } catch (error) {
    return { chunks, error }
  }
}

describe('malformed stream events (OpenAI family)', () => {
  it('an event that is not JSON fails the stream, quoting it, after the text before it', async () => {
    const { chunks, error } = await run('{"choices": [')
    expect(chunks.map((c) => c.choices[0]?.delta.content).join('')).toBe('ok')
    expect(error).toBeInstanceOf(LlmError)
    expect(error).toMatchObject({
      kind: 'server',
      message: 'The provider sent an event that is not JSON: {"choices": [',
    })
  })

  for (const data of ['null', '42', '[1, 2]']) {
    it(`an event that is JSON but no object (${data}) fails the stream, quoting it`, async () => {
      const { error } = await run(data)
      expect(error).toBeInstanceOf(LlmError)
      expect((error as LlmError).message).toBe(
        `The provider sent an event that is not a JSON object: ${data}`,
      )
    })
  }

  it('a stream cut inside its first event is a cut connection, not something else answering', async () => {
    body = 'data: {"id":"c1","choices":[{"index":0,"delta":{"role":"assis'
    const chunks: ChatCompletionChunk[] = []
    let error: unknown
    try {
      const request = {
        model: 'gpt-4.1-mini',
        messages: [{ role: 'user' as const, content: 'hi' }],
      }
      const connection = { provider: 'openai' as const, apiKey: 'sk-test', baseURL }
      for await (const chunk of stream(request, connection, { maxRetries: 0 })) chunks.push(chunk)
    } catch (thrown) {
      error = thrown
    }
    expect(chunks).toEqual([])
    expect(error).toBeInstanceOf(LlmError)
    expect(error).toMatchObject({ kind: 'network' })
    expect((error as LlmError).message).toContain('The stream ended before its end marker')
  })

  it('a null choice or tool call inside a chunk is skipped, and the answer ends normally', async () => {
    for (const middle of [
      '{"id":"c1","choices":[null]}',
      '{"id":"c1","choices":[{"index":0,"delta":{"tool_calls":[null]}}]}',
    ]) {
      const { chunks, error } = await run(middle)
      expect(error).toBeUndefined()
      expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('ok')
      expect(chunks.some((c) => c.choices[0]?.delta.tool_calls)).toBe(false)
      expect(chunks.some((c) => c.choices[0]?.finish_reason === 'stop')).toBe(true)
    }
  })
})

describe('malformed stream events (Gemini)', () => {
  it('an event that is JSON but no object fails with the same words, after the text before it', async () => {
    const event = (data: string) => `data: ${data}\r\n\r\n`
    body =
      event('{"candidates":[{"content":{"parts":[{"text":"ok"}],"role":"model"},"index":0}]}') +
      event('null') +
      event(
        '{"candidates":[{"content":{"parts":[{"text":"!"}],"role":"model"},"finishReason":"STOP","index":0}]}',
      )
    const chunks: ChatCompletionChunk[] = []
    let error: unknown
    try {
      const request = {
        model: 'gemini-2.5-flash',
        messages: [{ role: 'user' as const, content: 'hi' }],
      }
      const connection = {
        provider: 'gemini' as const,
        apiKey: 'AIza-test',
        baseURL: baseURL.replace(/\/v1$/, ''),
      }
      for await (const chunk of stream(request, connection, { maxRetries: 0 })) chunks.push(chunk)
    } catch (thrown) {
      error = thrown
    }
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('ok')
    expect(error).toBeInstanceOf(LlmError)
    expect((error as LlmError).message).toBe(
      'The provider sent an event that is not a JSON object: null',
    )
  })
})

describe('malformed stream events (Anthropic)', () => {
  it('an event that is JSON but no object fails with the same words', () => {
    const mapper = new AnthropicStreamMapper('claude-sonnet-4-6')
    expect(() => mapper.event(OTHER_EVENT, 'null', [])).toThrow(
      'The provider sent an event that is not a JSON object: null',
    )
  })
})
