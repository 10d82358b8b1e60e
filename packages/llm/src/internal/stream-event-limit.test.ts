import { describe, expect, it } from 'vitest'
import { LlmError } from '../errors/llm-error'
import { SseEventReader } from './sse-event-reader'
import { eventTooLargeError, limitEventStreamFrames, limitSseEvents } from './stream-event-limit'

const bytes = (text: string) => new TextEncoder().encode(text)

async function pipe(chunks: string[], limit: number): Promise<{ text: string; error?: unknown }> {
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(bytes(chunk))
      controller.close()
    },
  })
  const { body } = limitSseEvents(source, 'anthropic', limit)
  let text = ''
  try {
    for await (const chunk of body) text += new TextDecoder().decode(chunk)
  } catch (error) {
    return { text, error }
  }
  return { text }
}

describe('limitSseEvents', () => {
  it('passes many small events, with LF or CRLF blank lines split across reads', async () => {
    const event = 'data: 0123456789\r\n\r\n'
    const chunks = Array.from({ length: 200 }, () => event)
    // Split every boundary in every possible place.
    const joined = chunks.join('')
    const split = joined.match(/.{1,7}/gs) ?? []
    expect((await pipe(split, 40)).error).toBeUndefined()
    expect((await pipe(['data: a\n\n'.repeat(500)], 20)).error).toBeUndefined()
  })

  it('fails once one event passes the limit, after passing the events before it', async () => {
    const { text, error } = await pipe(
      ['data: ok\n\n', 'data: ' + 'x'.repeat(50), 'x'.repeat(50)],
      64,
    )
    expect(text).toBe('data: ok\n\n' + 'data: ' + 'x'.repeat(50))
    expect(error).toBeInstanceOf(LlmError)
    expect((error as LlmError).code).toBe('event_too_large')
  })

  it('counts multi-line events whole: single newlines are not boundaries', async () => {
    const { error } = await pipe(['data: aaaa\n'.repeat(20)], 100)
    expect(error).toBeInstanceOf(LlmError)
  })
})

function frame(length: number): Uint8Array {
  const out = new Uint8Array(Math.min(length, 64))
  new DataView(out.buffer).setUint32(0, length, false)
  return out
}

async function frames(chunks: Uint8Array[], limit: number) {
  async function* source() {
    yield* chunks
  }
  const out: Uint8Array[] = []
  try {
    for await (const chunk of limitEventStreamFrames(source(), 'bedrock', limit)) out.push(chunk)
  } catch (error) {
    return { out, error }
  }
  return { out, error: undefined }
}

describe('limitEventStreamFrames', () => {
  it('passes frames under the limit, preludes split across reads', async () => {
    const a = new Uint8Array(40)
    new DataView(a.buffer).setUint32(0, 40, false)
    const b = new Uint8Array(30)
    new DataView(b.buffer).setUint32(0, 30, false)
    const all = new Uint8Array([...a, ...b, ...a])
    const chunks = [all.slice(0, 2), all.slice(2, 41), all.slice(41, 43), all.slice(43)]
    const { out, error } = await frames(chunks, 64)
    expect(error).toBeUndefined()
    expect(out.reduce((n, c) => n + c.length, 0)).toBe(110)
  })

  it('refuses a frame whose prelude claims more than the limit, before passing it on', async () => {
    const ok = new Uint8Array(16)
    new DataView(ok.buffer).setUint32(0, 16, false)
    const { out, error } = await frames([ok, frame(10 * 1024 * 1024)], 4 * 1024 * 1024)
    expect(out).toHaveLength(1)
    expect(error).toBeInstanceOf(LlmError)
    expect((error as LlmError).message).toBe(
      'The provider sent a single stream event of 10 MiB; the limit is 4 MiB. The answer up to that event is kept.',
    )
  })
})

describe('SseEventReader with a limit', () => {
  it('throws the limit error for a long event and still delivers the events before it', () => {
    const seen: string[] = []
    const reader = new SseEventReader(
      (event) => seen.push(event.data),
      () => {},
      { chars: 100, tooLarge: (length, limit) => eventTooLargeError('openai', length, limit) },
    )
    reader.push('data: one\n\ndata: two\n\n')
    expect(() => reader.push('data: first\n\ndata: ' + 'x'.repeat(200))).toThrow(/limit is/)
    expect(seen).toEqual(['one', 'two', 'first'])
    // Many short data lines add up.
    expect(() => reader.push('data: 0123456789\n'.repeat(20))).toThrow(LlmError)
  })
})
