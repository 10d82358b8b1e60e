import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { capturesDir } from '../../llm/provider-captures'
import {
  decodeEventMessages,
  encodeEvent,
  encodeEventMessage,
  encodeException,
} from './event-stream'

const CAPTURES = capturesDir('bedrock')

describe('AWS event-stream encoder', () => {
  it('round-trips a frame with both CRCs', () => {
    const frame = encodeEvent('messageStart', { role: 'assistant' })
    const [message] = decodeEventMessages(frame)
    expect(message?.headers).toEqual({
      ':event-type': 'messageStart',
      ':content-type': 'application/json',
      ':message-type': 'event',
    })
    expect(JSON.parse(message?.payload.toString() ?? '')).toEqual({ role: 'assistant' })
    expect(frame.readUInt32BE(0)).toBe(frame.length)
  })

  it('writes exception frames with :exception-type', () => {
    const [message] = decodeEventMessages(
      encodeException('throttlingException', { message: 'slow down' }),
    )
    expect(message?.headers[':message-type']).toBe('exception')
    expect(message?.headers[':exception-type']).toBe('throttlingException')
  })

  it('detects a corrupted frame', () => {
    const frame = encodeEvent('messageStop', { stopReason: 'end_turn' })
    frame.writeUInt8(frame.readUInt8(frame.length - 6) ^ 0xff, frame.length - 6)
    expect(() => decodeEventMessages(frame)).toThrow(/CRC/)
  })

  const files = existsSync(CAPTURES)
    ? readdirSync(CAPTURES).filter((f) => f.endsWith('.eventstream'))
    : []
  it.skipIf(files.length === 0)('re-encodes every recorded Bedrock frame byte for byte', () => {
    for (const file of files) {
      const bytes = readFileSync(join(CAPTURES, file))
      const messages = decodeEventMessages(bytes)
      const decoded = readFileSync(
        join(CAPTURES, file.replace('.eventstream', '.decoded.jsonl')),
        'utf8',
      )
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { headers: Record<string, string> })
      expect(messages.map((m) => m.headers)).toEqual(decoded.map((d) => d.headers))
      const again = Buffer.concat(messages.map((m) => encodeEventMessage(m.headers, m.payload)))
      expect(again.equals(bytes), file).toBe(true)
    }
  })
})
