import type { ProviderId } from '../types'
import { eventTooLargeError } from './stream-event-limit'

/** One decoded AWS event-stream message: its string headers of interest and its payload text. */
export interface EventStreamMessage {
  /** `:message-type`: `event`, `exception` or `error`. */
  messageType: string | undefined
  /** `:event-type` of an event. */
  eventType: string | undefined
  /** `:exception-type` of an exception. */
  exceptionType: string | undefined
  /** `:error-code` and `:error-message` of an error. */
  errorCode: string | undefined
  errorMessage: string | undefined
  /** The payload as UTF-8 text (decoded once, from the whole frame). */
  payload: string
}

const PRELUDE = 12
const OVERHEAD = 16

/** Header value sizes by type (AWS event-stream): fixed sizes, or -1 for a 2-byte length prefix. */
const VALUE_SIZE = [0, 0, 1, 2, 4, 8, -1, -1, 8, 16]
const STRING_TYPE = 7

/**
 * Decodes AWS event-stream bytes (application/vnd.amazon.eventstream) into messages as they
 * arrive, in whatever pieces: a frame split across reads (at any byte) is held until it is whole,
 * then both CRC32s are checked (prelude and message), the headers read and the payload decoded as
 * UTF-8 once. A frame whose prelude claims more than `limit` bytes is refused before anything is
 * buffered for it.
 *
 * `push` appends the messages of every whole frame to `out` and returns the error that broke the
 * stream, if any (the messages before it are still in `out`); `end` tells whether the bytes
 * stopped mid-frame.
 */
export class EventStreamDecoder {
  /** The start of an unfinished frame, in the pieces it arrived in. */
  private parts: Buffer[] = []
  private held = 0
  /** How many bytes the unfinished frame needs before it can be decoded. */
  private needed = 0
  private broken = false
  private readonly names = new StringCache()
  private readonly values = new StringCache()

  constructor(
    private readonly provider: ProviderId,
    private readonly limit: number,
  ) {}

  /** Bytes of an unfinished frame held so far. */
  get pending(): number {
    return this.held
  }

  push(chunk: Uint8Array, out: EventStreamMessage[]): Error | undefined {
    if (this.broken) return undefined
    let buffer = asBuffer(chunk)
    if (this.held) {
      // A frame arriving in many small reads is joined once, when it is whole.
      this.parts.push(buffer)
      this.held += buffer.length
      if (this.held < this.needed) return undefined
      buffer = Buffer.concat(this.parts, this.held)
    }
    const length = buffer.length
    let at = 0
    let error: Error | undefined
    while (length - at >= 4) {
      const total = buffer.readUInt32BE(at)
      if (total > this.limit) {
        error = eventTooLargeError(this.provider, total, this.limit, true)
        break
      }
      if (total < OVERHEAD) {
        error = new Error(
          `Provided message too short to accommodate event stream message overhead (${total} bytes)`,
        )
        break
      }
      if (length - at < total) {
        this.needed = total
        break
      }
      error = this.frame(buffer, at, total, out)
      if (error) break
      at += total
    }
    this.parts = []
    this.held = 0
    if (error) {
      this.broken = true
      return error
    }
    if (at < length) {
      if (length - at < 4) this.needed = 4
      this.parts.push(at === 0 ? buffer : buffer.subarray(at))
      this.held = length - at
    }
    return undefined
  }

  /** An error when the bytes ended inside a frame (the stream was cut), else undefined. */
  end(): Error | undefined {
    if (this.broken || this.held === 0) return undefined
    this.parts = []
    this.held = 0
    return new Error('Truncated event message received.')
  }

  private frame(
    buffer: Buffer,
    at: number,
    total: number,
    out: EventStreamMessage[],
  ): Error | undefined {
    const end = at + total
    const headersLength = buffer.readUInt32BE(at + 4)
    const preludeCrc = crc32(buffer, at, at + 8, 0)
    const expectedPrelude = buffer.readUInt32BE(at + 8)
    if (preludeCrc !== expectedPrelude) {
      return new Error(
        `The prelude checksum specified in the message (${expectedPrelude}) does not match the calculated CRC32 checksum (${preludeCrc})`,
      )
    }
    const messageCrc = crc32(buffer, at + 8, end - 4, preludeCrc)
    const expected = buffer.readUInt32BE(end - 4)
    if (messageCrc !== expected) {
      return new Error(
        `The message checksum (${messageCrc}) did not match the expected value of ${expected}`,
      )
    }
    const headersEnd = at + PRELUDE + headersLength
    if (headersEnd > end - 4) return new Error('Invalid event stream message: headers too long')
    const message: EventStreamMessage = {
      messageType: undefined,
      eventType: undefined,
      exceptionType: undefined,
      errorCode: undefined,
      errorMessage: undefined,
      payload: '',
    }
    let h = at + PRELUDE
    while (h < headersEnd) {
      const nameLength = buffer[h] as number
      const nameStart = h + 1
      h = nameStart + nameLength
      const type = buffer[h++] as number
      const size = VALUE_SIZE[type]
      if (size === undefined || h > headersEnd) {
        return new Error(`Invalid event stream message: header type ${type}`)
      }
      if (size >= 0) {
        h += size
        continue
      }
      const valueLength = buffer.readUInt16BE(h)
      const valueStart = h + 2
      h = valueStart + valueLength
      if (h > headersEnd) return new Error('Invalid event stream message: header too long')
      if (type !== STRING_TYPE) continue
      const name = this.names.get(buffer, nameStart, nameStart + nameLength, 'latin1')
      switch (name) {
        case ':message-type':
          message.messageType = this.values.get(buffer, valueStart, h, 'utf8')
          break
        case ':event-type':
          message.eventType = this.values.get(buffer, valueStart, h, 'utf8')
          break
        case ':exception-type':
          message.exceptionType = this.values.get(buffer, valueStart, h, 'utf8')
          break
        case ':error-code':
          message.errorCode = this.values.get(buffer, valueStart, h, 'utf8')
          break
        case ':error-message':
          message.errorMessage = buffer.toString('utf8', valueStart, h)
          break
      }
    }
    message.payload = buffer.toString('utf8', headersEnd, end - 4)
    out.push(message)
    return undefined
  }
}

function asBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length)
}

/**
 * The few header names and values a stream repeats on every frame (`:event-type`,
 * `contentBlockDelta`, …), decoded once: a short byte comparison instead of a new string.
 */
class StringCache {
  private readonly bytes: Buffer[] = []
  private readonly texts: string[] = []

  get(buffer: Buffer, start: number, end: number, encoding: 'latin1' | 'utf8'): string {
    const length = end - start
    const { bytes, texts } = this
    search: for (let i = 0; i < bytes.length; i++) {
      const known = bytes[i] as Buffer
      if (known.length !== length) continue
      for (let j = 0; j < length; j++) {
        if (known[j] !== buffer[start + j]) continue search
      }
      return texts[i] as string
    }
    const text = buffer.toString(encoding, start, end)
    if (bytes.length < 32 && length <= 64) {
      bytes.push(Buffer.from(buffer.subarray(start, end)))
      texts.push(text)
    }
    return text
  }
}

/** CRC-32 (IEEE) tables for slicing by 8: a few table lookups per 8 bytes, no allocation. */
const TABLE = makeTable()

function makeTable(): Int32Array {
  const table = new Int32Array(256 * 8)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c
  }
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 8; k++) {
      const previous = table[(k - 1) * 256 + n] as number
      table[k * 256 + n] = (previous >>> 8) ^ (table[previous & 0xff] as number)
    }
  }
  return table
}

/** The CRC-32 of `bytes[start, end)`, continuing from `previous` (the CRC of what came before). */
export function crc32(bytes: Uint8Array, start: number, end: number, previous: number): number {
  const t = TABLE
  let crc = ~previous
  let i = start
  for (; i + 8 <= end; i += 8) {
    const a =
      ((bytes[i] as number) |
        ((bytes[i + 1] as number) << 8) |
        ((bytes[i + 2] as number) << 16) |
        ((bytes[i + 3] as number) << 24)) ^
      crc
    const b =
      (bytes[i + 4] as number) |
      ((bytes[i + 5] as number) << 8) |
      ((bytes[i + 6] as number) << 16) |
      ((bytes[i + 7] as number) << 24)
    crc =
      (t[1792 + (a & 0xff)] as number) ^
      (t[1536 + ((a >>> 8) & 0xff)] as number) ^
      (t[1280 + ((a >>> 16) & 0xff)] as number) ^
      (t[1024 + (a >>> 24)] as number) ^
      (t[768 + (b & 0xff)] as number) ^
      (t[512 + ((b >>> 8) & 0xff)] as number) ^
      (t[256 + ((b >>> 16) & 0xff)] as number) ^
      (t[b >>> 24] as number)
  }
  for (; i < end; i++) crc = (t[(crc ^ (bytes[i] as number)) & 0xff] as number) ^ (crc >>> 8)
  return ~crc >>> 0
}
