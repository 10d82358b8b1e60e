import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { capturesAvailable, capturesDir } from './provider-captures'
import { complete, stream, type Connection } from '../../packages/llm/src/index'
import { caught, collect } from './contract-suite'
import { forgetThoughtSignatures } from '../../packages/llm/src/providers/google/thought-signatures'

// Real recorded Gemini / Vertex traffic (reference data beside the repo, never copied into it),
// served byte for byte in small uneven pieces through the library.
const CAPTURES = capturesDir('gemini')

interface Served {
  status: number
  contentType: string
  body: Buffer
}

let server: Server
let base = ''
let next: Served | undefined
const urls: string[] = []
const bodies: string[] = []

function serve(file: string, status = 200): void {
  const body = readFileSync(resolve(CAPTURES, file))
  const contentType = file.endsWith('.sse')
    ? 'text/event-stream'
    : 'application/json; charset=UTF-8'
  next = { status, contentType, body }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let text = ''
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
    req.on('end', () => {
      urls.push(req.url ?? '')
      bodies.push(text)
      const answer = next
      if (!answer) return res.writeHead(500).end()
      res.writeHead(answer.status, { 'content-type': answer.contentType })
      // Uneven pieces (1–13 bytes), so events and CRLF pairs straddle reads.
      let offset = 0
      let size = 1
      const pump = (): void => {
        if (offset >= answer.body.length) return void res.end()
        res.write(answer.body.subarray(offset, offset + size))
        offset += size
        size = (size * 7 + 3) % 13 || 1
        setImmediate(pump)
      }
      pump()
    })
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((done) => server.close(() => done())))

const gemini = (): Connection => ({
  provider: 'gemini',
  apiKey: 'AIzaSyReplayReplayReplayReplayReplay0',
  baseURL: base,
})
const express = (): Connection => ({
  provider: 'vertex',
  project: '',
  location: 'global',
  apiKey: 'AQ.replay-express-key-000',
  baseURL: base,
})
const ask = (model: string) => ({ model, messages: [{ role: 'user' as const, content: 'Hi' }] })

describe.skipIf(!capturesAvailable)('Gemini / Vertex captures replayed through the library', () => {
  it('assembles a CRLF-separated text stream with its usage', async () => {
    serve('pydai-stream-sse-text.sse')
    const chunks = await collect(stream(ask('gemini-2.0-flash-exp'), gemini()))
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe(
      'The capital of France is Paris.\n',
    )
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop')
    expect(chunks.at(-1)?.usage).toEqual({
      prompt_tokens: 13,
      completion_tokens: 8,
      total_tokens: 21,
    })
    expect(urls.at(-1)).toBe('/v1/models/gemini-2.0-flash-exp:streamGenerateContent?alt=sse')
  })

  it('streams thought parts as reasoning_content, thinking tokens as reasoning tokens', async () => {
    serve('pydai-stream-sse-thinking.sse')
    const chunks = await collect(stream(ask('gemini-2.5-pro'), gemini()))
    const reasoning = chunks.map((c) => c.choices[0]?.delta.reasoning_content ?? '').join('')
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')
    expect(reasoning).toContain('**Clarifying User Goals**')
    expect(text).toContain('stay alert and be predictable')
    expect(text).not.toContain('Clarifying User Goals')
    expect(chunks.at(-1)?.usage).toMatchObject({
      prompt_tokens: 34,
      completion_tokens: 469 + 787,
      completion_tokens_details: { reasoning_tokens: 787 },
    })
  })

  it('maps a streamed function call (finishReason STOP) to tool_calls', async () => {
    serve('rubyllm-stream-sse-function-call.sse')
    const chunks = await collect(stream(ask('gemini-2.5-flash'), gemini()))
    const call = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? [])[0]
    expect(call?.function?.name).toBe('weather')
    expect(JSON.parse(call?.function?.arguments ?? '')).toEqual({
      latitude: '52.5200',
      longitude: '13.4050',
    })
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('tool_calls')
  })

  it('sends a Gemini 3 thought signature back with the function call it came with', async () => {
    serve('pydai-stream-sse-gemini3-function-call-thought-signature.sse')
    const chunks = await collect(stream(ask('gemini-3-pro-preview'), gemini()))
    const call = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? [])[0]
    expect(call?.function?.name).toBe('get_country')
    const details = chunks.at(-1)?.choices[0]?.delta.reasoning_details
    expect(details).toEqual([
      {
        type: 'reasoning.encrypted',
        data: expect.stringMatching(/^EpwICpkIAXLI2nxl/),
        format: 'google-gemini-v1',
        index: 0,
        id: call?.id,
      },
    ])
    forgetThoughtSignatures() // sent back from reasoning_details, not from this process's memory
    serve('pydai-stream-sse-text.sse')
    await collect(
      stream(
        {
          model: 'gemini-3-pro-preview',
          messages: [
            { role: 'user', content: 'Which country?' },
            {
              role: 'assistant',
              content: null,
              tool_calls: [
                {
                  id: call?.id ?? '',
                  type: 'function',
                  function: { name: 'get_country', arguments: '{}' },
                },
              ],
              reasoning_details: details ?? [],
            },
            { role: 'tool', tool_call_id: call?.id ?? '', content: 'France' },
          ],
        },
        gemini(),
      ),
    )
    const sent = JSON.parse(bodies.at(-1) ?? '{}') as {
      contents: { role: string; parts: Record<string, unknown>[] }[]
    }
    const modelTurn = sent.contents.find((c) => c.role === 'model')
    expect(String(modelTurn?.parts[0]?.thoughtSignature)).toMatch(/^EpwICpkIAXLI2nxl/)
    expect(sent.contents.at(-1)?.parts[0]).toEqual({
      functionResponse: { name: 'get_country', response: { output: 'France' } },
    })
  })

  it('reads a Vertex stream (express mode path)', async () => {
    serve('rubyllm-vertex-stream-sse.sse')
    const chunks = await collect(stream(ask('gemini-2.5-flash'), express()))
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('1, 2, 3')
    expect(chunks.at(-1)?.usage).toMatchObject({ prompt_tokens: 7, completion_tokens: 32 })
    expect(urls.at(-1)).toBe(
      '/v1beta1/publishers/google/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
    )
  })

  it('turns a blocked prompt (promptFeedback.blockReason, no candidates) into content_filter', async () => {
    serve('pydai-vertex-prompt-blocked.json')
    const error = await caught(complete(ask('gemini-2.5-flash'), express()))
    expect(error.kind).toBe('content_filter')
    expect(error.message).toContain('MODEL_ARMOR')
  })

  it('maps finishReason SAFETY to content_filter and MAX_TOKENS to length', async () => {
    serve('pydai-finish-safety-with-ratings.json')
    expect((await complete(ask('gemini-1.5-flash'), gemini())).choices[0]?.finish_reason).toBe(
      'content_filter',
    )
    serve('pydai-max-tokens-empty-response.json')
    const answer = await complete(ask('gemini-2.5-pro'), gemini())
    expect(answer.choices[0]?.finish_reason).toBe('length')
    expect(answer.usage).toMatchObject({
      prompt_tokens: 15,
      completion_tokens: 2,
      completion_tokens_details: { reasoning_tokens: 2 },
    })
  })

  it('keeps the raw finishReason and the safety ratings the capture carries', async () => {
    serve('pydai-finish-safety-with-ratings.json')
    const blocked = (await complete(ask('gemini-1.5-flash'), gemini())).choices[0]
    expect(blocked?.provider_finish_reason).toBe('SAFETY')
    expect(blocked?.safety?.ratings).toEqual([
      { category: 'HARM_CATEGORY_HATE_SPEECH', probability: 'LOW', blocked: true },
      { category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'NEGLIGIBLE' },
      { category: 'HARM_CATEGORY_HARASSMENT', probability: 'NEGLIGIBLE' },
      { category: 'HARM_CATEGORY_SEXUALLY_EXPLICIT', probability: 'NEGLIGIBLE' },
    ])
    serve('pydai-max-tokens-empty-response.json')
    const cut = (await complete(ask('gemini-2.5-pro'), gemini())).choices[0]
    expect(cut?.provider_finish_reason).toBe('MAX_TOKENS')
    expect(cut?.logprobs).toBeNull()
    serve('rubyllm-stream-sse-function-call.sse')
    const chunks = await collect(stream(ask('gemini-2.5-flash'), gemini()))
    expect(chunks.at(-1)?.choices[0]).toMatchObject({
      finish_reason: 'tool_calls',
      provider_finish_reason: 'STOP',
    })
  })

  it('keeps search grounding as url_citation annotations on the text they support', async () => {
    serve('pydai-stream-sse-grounding.sse')
    const chunks = await collect(stream(ask('gemini-2.5-pro'), gemini()))
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')
    const annotations = chunks.flatMap((c) => c.choices.flatMap((x) => x.delta.annotations ?? []))
    expect(chunks.at(-1)?.choices[0]?.provider_finish_reason).toBe('STOP')
    // 8 grounding supports citing 9 chunks in all, each a web source.
    expect(annotations).toHaveLength(9)
    expect(annotations[0]).toMatchObject({
      type: 'url_citation',
      url_citation: {
        url: 'https://www.google.com/search?q=weather+in+San Francisco, CA,+US',
        title: 'Weather information for San Francisco, CA, US',
      },
    })
    // Gemini counts the segment in UTF-8 bytes (the text has ° signs); the annotation in characters.
    for (const annotation of annotations) {
      if (annotation.type !== 'url_citation') throw new Error('expected a url_citation')
      const { start_index, end_index } = annotation.url_citation
      const segment = (annotation.provider_data?.groundingSupport as { segment: { text: string } })
        .segment
      expect(text.slice(start_index, end_index)).toBe(segment.text)
    }
  })

  it.each([
    ['rubyllm-error-400-api-key-invalid.json', 400, 'auth', undefined],
    ['mirascope-error-400-api-key-invalid-on-sse-request.sse', 400, 'auth', undefined],
    ['rubyllm-error-429-resource-exhausted.json', 429, 'rate_limit', 48_000],
    ['vercel-error-429-retry-info.json', 429, 'rate_limit', 34_400],
    ['rubyllm-error-400-token-limit.json', 400, 'context_length', undefined],
    ['rubyllm-vertex-error-400-token-limit.json', 400, 'context_length', undefined],
    ['pydai-error-404-model-not-found.json', 404, 'not_found', undefined],
    ['issue-error-403-permission-denied-unregistered-caller.json', 403, 'permission', undefined],
  ] as const)('maps the real error %s', async (file, status, kind, retryAfterMs) => {
    serve(file, status)
    const error = await caught(complete(ask('gemini-2.5-flash'), gemini(), { maxRetries: 0 }))
    expect(error.kind).toBe(kind)
    expect(error.status).toBe(status)
    expect(error.retryAfterMs).toBe(retryAfterMs)
    expect(error.message).not.toContain('{')
  })
})
