import { connect } from 'node:http2'
import { crc32 } from 'node:zlib'

/**
 * The floor for Bedrock: POST over HTTP/2 (as the AWS SDK talks to the endpoint), then a minimal
 * AWS event-stream decoder: prelude, both CRC32 checks, the `:event-type` / `:message-type`
 * headers, JSON.parse of each payload. Returns the number of events parsed.
 */
export async function eventStreamFloor(url: string, body: unknown): Promise<number> {
  const { origin, pathname, search } = new URL(url)
  const session = connect(origin)
  try {
    const request = session.request({
      ':method': 'POST',
      ':path': pathname + search,
      'content-type': 'application/json',
    })
    request.end(JSON.stringify(body))
    const status = await new Promise<unknown>((resolve, reject) => {
      request.once('response', (headers) => resolve(headers[':status']))
      request.once('error', reject)
    })
    if (status !== 200) throw new Error(`floor: HTTP ${String(status)}`)
    let pending: Buffer | undefined
    let count = 0
    for await (const data of request as AsyncIterable<Buffer>) {
      const buffer = pending ? Buffer.concat([pending, data]) : data
      let offset = 0
      while (buffer.length - offset >= 16) {
        const total = buffer.readUInt32BE(offset)
        const end = offset + total
        if (end > buffer.length) break
        if (crc32(buffer.subarray(offset, offset + 8)) !== buffer.readUInt32BE(offset + 8))
          throw new Error('floor: prelude CRC mismatch')
        if (crc32(buffer.subarray(offset, end - 4)) !== buffer.readUInt32BE(end - 4))
          throw new Error('floor: message CRC mismatch')
        const headersEnd = offset + 12 + buffer.readUInt32BE(offset + 4)
        const headers = readStringHeaders(buffer, offset + 12, headersEnd)
        if (headers[':message-type'] !== 'event')
          throw new Error(`floor: ${headers[':exception-type'] ?? 'unknown'} in stream`)
        JSON.parse(buffer.toString('utf8', headersEnd, end - 4))
        count++
        offset = end
      }
      pending = offset < buffer.length ? buffer.subarray(offset) : undefined
    }
    if (pending) throw new Error('floor: truncated frame')
    return count
  } finally {
    session.close()
  }
}

/** Header value sizes by type (AWS event-stream): fixed sizes, or -1 for a 2-byte length prefix. */
const VALUE_SIZE = [0, 0, 1, 2, 4, 8, -1, -1, 8, 16]

function readStringHeaders(bytes: Buffer, from: number, to: number): Record<string, string> {
  const headers: Record<string, string> = {}
  let at = from
  while (at < to) {
    const nameLength = bytes.readUInt8(at)
    const name = bytes.toString('latin1', at + 1, at + 1 + nameLength)
    at += 1 + nameLength
    const type = bytes.readUInt8(at++)
    const size = VALUE_SIZE[type]
    if (size === undefined) throw new Error(`floor: header type ${type}`)
    if (size >= 0) {
      at += size
      continue
    }
    const length = bytes.readUInt16BE(at)
    if (type === 7) headers[name] = bytes.toString('utf8', at + 2, at + 2 + length)
    at += 2 + length
  }
  return headers
}
