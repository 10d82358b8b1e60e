import { describe, expect, it } from 'vitest'
import { SseEventReader, type SseEvent } from './sse-event-reader'

function parse(pieces: string[]): { events: SseEvent[]; comments: number } {
  const events: SseEvent[] = []
  let comments = 0
  const reader = new SseEventReader(
    (event) => events.push(event),
    () => comments++,
  )
  for (const piece of pieces) reader.push(piece)
  return { events, comments }
}

const STREAM =
  'data: {"a":1}\n\n: keep-alive\n\nevent: error\ndata: {"b":\ndata: 2}\n\ndata: [DONE]\n\n'

describe('SseEventReader', () => {
  it('parses events, named events, multi-line data and comments', () => {
    const { events, comments } = parse([STREAM])
    expect(events).toEqual([
      { event: undefined, data: '{"a":1}' },
      { event: 'error', data: '{"b":\n2}' },
      { event: undefined, data: '[DONE]' },
    ])
    expect(comments).toBe(1)
  })

  it('gives the same events however the bytes are split, with LF, CRLF or CR endings', () => {
    const expected = parse([STREAM]).events
    for (const ending of ['\n', '\r\n', '\r']) {
      const text = STREAM.replace(/\n/g, ending)
      for (const size of [1, 2, 3, 7, 13]) {
        const pieces: string[] = []
        for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size))
        expect(parse(pieces).events, `${JSON.stringify(ending)} in pieces of ${size}`).toEqual(
          expected,
        )
      }
    }
  })

  it('keeps an unfinished event until its blank line arrives', () => {
    const events: SseEvent[] = []
    const reader = new SseEventReader((event) => events.push(event))
    reader.push('data: {"partial"')
    reader.push(': true}\n')
    expect(events).toEqual([])
    reader.push('\n')
    expect(events).toEqual([{ event: undefined, data: '{"partial": true}' }])
  })

  it('accepts data without a space after the colon and ignores unknown fields', () => {
    expect(parse(['id: 7\nretry: 10\ndata:x\n\n']).events).toEqual([
      { event: undefined, data: 'x' },
    ])
  })
})
