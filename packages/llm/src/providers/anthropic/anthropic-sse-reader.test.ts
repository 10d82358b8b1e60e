import { describe, expect, it } from 'vitest'
import {
  AnthropicSseReader,
  ERROR_EVENT,
  OTHER_EVENT,
  PING_EVENT,
  type AnthropicEventName,
} from './anthropic-sse-reader'

function read(pieces: string[], limit = 1 << 20) {
  const events: [AnthropicEventName, string][] = []
  let comments = 0
  const reader = new AnthropicSseReader(
    {
      event: (name, data) => events.push([name, data]),
      comment: () => comments++,
    },
    limit,
    (length, max) => new Error(`too large: ${length} > ${max}`),
  )
  for (const piece of pieces) reader.push(piece)
  return { events, comments }
}

const STREAM =
  'event: message_start\ndata: {"type":"message_start"}\n\n' +
  ': keep-alive\n\n' +
  'event: ping\ndata: {"type": "ping"}\n\n' +
  'event: content_block_delta\ndata: {"text":"é😀"}\n\n' +
  'data: line one\ndata: line two\n\n' +
  'id: 7\nretry: 10\ndataX: ignored\nevent: error\n\n' +
  'event: message_stop\ndata: {"type":"message_stop"}\n\n'

const EXPECTED: [AnthropicEventName, string][] = [
  [OTHER_EVENT, '{"type":"message_start"}'],
  [PING_EVENT, '{"type": "ping"}'],
  [OTHER_EVENT, '{"text":"é😀"}'],
  [OTHER_EVENT, 'line one\nline two'],
  [ERROR_EVENT, ''],
  [OTHER_EVENT, '{"type":"message_stop"}'],
]

describe('AnthropicSseReader', () => {
  it('reads events, names, multi-line data, comments; an event: line alone is an event', () => {
    expect(read([STREAM])).toEqual({ events: EXPECTED, comments: 1 })
  })

  it('gives the same events split at every boundary, with LF, CRLF or CR endings', () => {
    for (const ending of ['\n', '\r\n', '\r']) {
      const text = STREAM.replace(/\n/g, ending)
      for (let cut = 0; cut <= text.length; cut++) {
        expect(read([text.slice(0, cut), text.slice(cut)]).events).toEqual(EXPECTED)
      }
    }
  })

  it('drops an event the stream ended in the middle of', () => {
    expect(read(['data: {"a":1}\n\ndata: {"b"']).events).toEqual([[OTHER_EVENT, '{"a":1}']])
  })

  it('refuses an event over the limit, counting its data lines and pending line', () => {
    expect(() => read(['data: ' + 'x'.repeat(200)], 100)).toThrow(/too large/)
    expect(() =>
      read(['data: ' + 'x'.repeat(60) + '\n', 'data: ' + 'y'.repeat(60) + '\n'], 100),
    ).toThrow(/too large/)
    expect(
      read(['data: ' + 'x'.repeat(60) + '\n\n', 'data: ' + 'y'.repeat(60) + '\n\n'], 100).events,
    ).toHaveLength(2)
  })
})
