import { crc32 as zlibCrc32 } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { crc32, EventStreamDecoder, type EventStreamMessage } from './event-stream-decoder'

function frame(headers: Record<string, string>, payload: string): Buffer {
  const parts: Buffer[] = []
  for (const [name, value] of Object.entries(headers)) {
    const n = Buffer.from(name)
    const v = Buffer.from(value)
    const head = Buffer.alloc(4 + n.length)
    head.writeUInt8(n.length, 0)
    n.copy(head, 1)
    head.writeUInt8(7, 1 + n.length)
    head.writeUInt16BE(v.length, 2 + n.length)
    parts.push(head, v)
  }
  const h = Buffer.concat(parts)
  const body = Buffer.from(payload)
  const prelude = Buffer.alloc(12)
  prelude.writeUInt32BE(16 + h.length + body.length, 0)
  prelude.writeUInt32BE(h.length, 4)
  prelude.writeUInt32BE(zlibCrc32(prelude.subarray(0, 8)), 8)
  const all = Buffer.concat([prelude, h, body])
  const trailer = Buffer.alloc(4)
  trailer.writeUInt32BE(zlibCrc32(all), 0)
  return Buffer.concat([all, trailer])
}

const event = (type: string, payload: string) =>
  frame(
    { ':event-type': type, ':content-type': 'application/json', ':message-type': 'event' },
    payload,
  )

const BYTES = Buffer.concat([
  event('messageStart', '{"role":"assistant"}'),
  event('contentBlockDelta', '{"delta":{"text":"h€llo 😀"}}'),
  frame(
    { ':exception-type': 'throttlingException', ':message-type': 'exception' },
    '{"message":"slow"}',
  ),
])

describe('EventStreamDecoder', () => {
  it('computes the CRC-32 zlib does, continued across ranges', () => {
    const data = Buffer.from('The quick brown fox jumps over the lazy dog, twice over.')
    expect(crc32(data, 0, data.length, 0)).toBe(zlibCrc32(data))
    expect(crc32(data, 13, data.length, crc32(data, 0, 13, 0))).toBe(zlibCrc32(data))
  })

  it('decodes the same messages whatever byte the frames are split at', () => {
    const whole: EventStreamMessage[] = []
    expect(new EventStreamDecoder('bedrock', 1 << 20).push(BYTES, whole)).toBeUndefined()
    expect(whole.map((m) => m.eventType ?? m.exceptionType)).toEqual([
      'messageStart',
      'contentBlockDelta',
      'throttlingException',
    ])
    expect(whole[1]?.payload).toBe('{"delta":{"text":"h€llo 😀"}}')
    for (let cut = 1; cut < BYTES.length; cut++) {
      for (const step of [1, cut]) {
        const out: EventStreamMessage[] = []
        const decoder = new EventStreamDecoder('bedrock', 1 << 20)
        for (let at = 0; at < BYTES.length; at += step) {
          expect(
            decoder.push(BYTES.subarray(at, Math.min(at + step, BYTES.length)), out),
          ).toBeUndefined()
        }
        expect(decoder.end()).toBeUndefined()
        expect(out).toEqual(whole)
      }
    }
  })

  it('refuses a frame whose message or prelude CRC does not match, after the frames before it', () => {
    for (const at of [9, BYTES.length - 1]) {
      const bad = Buffer.from(BYTES)
      const offset = at === 9 ? event('messageStart', '{"role":"assistant"}').length + 9 : at
      bad[offset] = (bad[offset] as number) ^ 1
      const out: EventStreamMessage[] = []
      const error = new EventStreamDecoder('bedrock', 1 << 20).push(bad, out)
      expect(error?.message).toMatch(/checksum/)
      expect(out.length).toBeGreaterThan(0)
    }
  })

  it('refuses an oversized frame from its prelude alone', () => {
    const prelude = Buffer.alloc(4)
    prelude.writeUInt32BE(5 * 1024 * 1024, 0)
    const out: EventStreamMessage[] = []
    const error = new EventStreamDecoder('bedrock', 4 * 1024 * 1024).push(
      Buffer.concat([event('messageStart', '{}'), prelude]),
      out,
    )
    expect(error).toMatchObject({ code: 'event_too_large' })
    expect(out).toHaveLength(1)
  })

  it('reports bytes that end mid-frame as a truncated stream', () => {
    const decoder = new EventStreamDecoder('bedrock', 1 << 20)
    const out: EventStreamMessage[] = []
    decoder.push(BYTES.subarray(0, BYTES.length - 5), out)
    expect(out).toHaveLength(2)
    expect(decoder.end()?.message).toBe('Truncated event message received.')
  })
})
