import { describe, expect, it } from 'vitest'
import { LlmError } from '../errors/llm-error'
import { SseEventReader } from './sse-event-reader'
import { eventTooLargeError } from './stream-event-limit'

describe('eventTooLargeError', () => {
  it('names the size and the limit in MiB, saying the answer before it is kept', () => {
    const error = eventTooLargeError('bedrock', 10 * 1024 * 1024, 4 * 1024 * 1024, true)
    expect(error.code).toBe('event_too_large')
    expect(error.kind).toBe('server')
    expect(error.message).toBe(
      'The provider sent a single stream event of 10 MiB; the limit is 4 MiB. The answer up to that event is kept.',
    )
    expect(eventTooLargeError('openai', 5 * 1024 * 1024, 4 * 1024 * 1024).message).toMatch(
      /of more than 5 MiB/,
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
