import { describe, expect, it } from 'vitest'
import { GoogleSseReader } from './google-sse-reader'

function parse(pieces: string[], limit?: number): { data: string[]; comments: number } {
  const data: string[] = []
  let comments = 0
  const reader = new GoogleSseReader(
    (d) => data.push(d),
    () => comments++,
    limit === undefined
      ? undefined
      : { chars: limit, tooLarge: (length) => new Error(`too large: ${length}`) },
  )
  for (const piece of pieces) reader.push(piece)
  return { data, comments }
}

const STREAM =
  'data: {"a":1}\n\n: keep-alive\n\ndata: {"b":\ndata: 2}\nid: 7\n\ndata:x\n\n\n\ndata: é€😀\n\n'
const EXPECTED = ['{"a":1}', '{"b":\n2}', 'x', 'é€😀']

describe('GoogleSseReader', () => {
  it('reads single-line and multi-line data events and comments', () => {
    expect(parse([STREAM])).toEqual({ data: EXPECTED, comments: 1 })
  })

  it('gives the same events split at every boundary, with LF, CRLF or lone CR endings', () => {
    for (const ending of ['\n', '\r\n', '\r']) {
      const text = STREAM.replace(/\n/g, ending)
      for (let cut = 0; cut <= text.length; cut++) {
        expect(parse([text.slice(0, cut), text.slice(cut)]).data, `${cut}`).toEqual(EXPECTED)
      }
      const pieces = [...text]
      expect(parse(pieces).data).toEqual(EXPECTED)
    }
  })

  it('keeps an unfinished event until its blank line', () => {
    const { data } = parse(['data: {"partial"', ': true}\r\n'])
    expect(data).toEqual([])
    expect(parse(['data: {"partial"', ': true}\r\n', '\r\n']).data).toEqual(['{"partial": true}'])
  })

  it('refuses an event longer than the limit, after the events before it', () => {
    const data: string[] = []
    const reader = new GoogleSseReader(
      (d) => data.push(d),
      () => {},
      { chars: 100, tooLarge: (length) => new Error(`too large: ${length}`) },
    )
    reader.push('data: ok\r\n\r\n')
    expect(() => reader.push(`data: ${'x'.repeat(200)}`)).toThrow(/too large/)
    expect(data).toEqual(['ok'])
  })
})
