import { crc32 } from 'node:zlib'

/**
 * AWS event-stream framing (application/vnd.amazon.eventstream), as Bedrock's ConverseStream
 * sends it: a 12-byte prelude (total length, headers length, CRC32 of those 8 bytes), the
 * headers, the payload and a CRC32 of everything before it. Only string headers (type 7) are
 * written; the decoder reads every header type so the captures can be checked.
 */

export type EventHeaders = Record<string, string>

export interface EventMessage {
  headers: EventHeaders
  payload: Buffer
}

const STRING_TYPE = 7

export function encodeEventMessage(headers: EventHeaders, payload: Buffer | string): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload
  const headerParts: Buffer[] = []
  for (const [name, value] of Object.entries(headers)) {
    const nameBytes = Buffer.from(name, 'utf8')
    const valueBytes = Buffer.from(value, 'utf8')
    const head = Buffer.alloc(1 + nameBytes.length + 1 + 2)
    head.writeUInt8(nameBytes.length, 0)
    nameBytes.copy(head, 1)
    head.writeUInt8(STRING_TYPE, 1 + nameBytes.length)
    head.writeUInt16BE(valueBytes.length, 2 + nameBytes.length)
    headerParts.push(head, valueBytes)
  }
  const headerBytes = Buffer.concat(headerParts)
  const total = 12 + headerBytes.length + body.length + 4
  const prelude = Buffer.alloc(12)
  prelude.writeUInt32BE(total, 0)
  prelude.writeUInt32BE(headerBytes.length, 4)
  prelude.writeUInt32BE(crc32(prelude.subarray(0, 8)), 8)
  const withoutCrc = Buffer.concat([prelude, headerBytes, body])
  const trailer = Buffer.alloc(4)
  trailer.writeUInt32BE(crc32(withoutCrc), 0)
  return Buffer.concat([withoutCrc, trailer])
}

/** Decodes a whole buffer of frames, checking both CRCs of each. */
export function decodeEventMessages(buffer: Buffer): EventMessage[] {
  const messages: EventMessage[] = []
  let offset = 0
  while (offset < buffer.length) {
    if (buffer.length - offset < 16) throw new Error(`truncated frame at byte ${offset}`)
    const total = buffer.readUInt32BE(offset)
    const headersLength = buffer.readUInt32BE(offset + 4)
    const preludeCrc = buffer.readUInt32BE(offset + 8)
    if (crc32(buffer.subarray(offset, offset + 8)) !== preludeCrc) {
      throw new Error(`prelude CRC mismatch at byte ${offset}`)
    }
    const end = offset + total
    if (end > buffer.length) throw new Error(`truncated frame at byte ${offset}`)
    if (crc32(buffer.subarray(offset, end - 4)) !== buffer.readUInt32BE(end - 4)) {
      throw new Error(`message CRC mismatch at byte ${offset}`)
    }
    const headers = decodeHeaders(buffer.subarray(offset + 12, offset + 12 + headersLength))
    messages.push({ headers, payload: buffer.subarray(offset + 12 + headersLength, end - 4) })
    offset = end
  }
  return messages
}

function decodeHeaders(bytes: Buffer): EventHeaders {
  const headers: EventHeaders = {}
  let at = 0
  while (at < bytes.length) {
    const nameLength = bytes.readUInt8(at)
    const name = bytes.subarray(at + 1, at + 1 + nameLength).toString('utf8')
    at += 1 + nameLength
    const type = bytes.readUInt8(at)
    at += 1
    switch (type) {
      case 0:
      case 1:
        headers[name] = String(type === 0)
        break
      case 2:
        headers[name] = String(bytes.readInt8(at))
        at += 1
        break
      case 3:
        headers[name] = String(bytes.readInt16BE(at))
        at += 2
        break
      case 4:
        headers[name] = String(bytes.readInt32BE(at))
        at += 4
        break
      case 5:
      case 8:
        headers[name] = String(bytes.readBigInt64BE(at))
        at += 8
        break
      case 6:
      case 7: {
        const length = bytes.readUInt16BE(at)
        const value = bytes.subarray(at + 2, at + 2 + length)
        headers[name] = type === 7 ? value.toString('utf8') : value.toString('base64')
        at += 2 + length
        break
      }
      case 9:
        headers[name] = bytes.subarray(at, at + 16).toString('hex')
        at += 16
        break
      default:
        throw new Error(`unknown header type ${type}`)
    }
  }
  return headers
}

/** A Bedrock `event` frame with a JSON payload. */
export function encodeEvent(eventType: string, payload: unknown): Buffer {
  return encodeEventMessage(
    { ':event-type': eventType, ':content-type': 'application/json', ':message-type': 'event' },
    JSON.stringify(payload),
  )
}

/** A Bedrock in-stream `exception` frame, e.g. `throttlingException`. */
export function encodeException(exceptionType: string, payload: unknown): Buffer {
  return encodeEventMessage(
    {
      ':exception-type': exceptionType,
      ':content-type': 'application/json',
      ':message-type': 'exception',
    },
    JSON.stringify(payload),
  )
}
