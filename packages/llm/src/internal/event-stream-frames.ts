import { STREAM_EVENT_LIMITS } from './stream-event-limit'

/** One AWS event-stream frame: its `:event-type` (or `:exception-type`) and payload text. */
export interface EventStreamFrame {
  type: string
  payload: string
}

const PRELUDE = 12
const TRAILER = 4

/**
 * Splits AWS event-stream bytes (prelude, headers, payload, CRC) into frames as they pass by.
 * A frame longer than the library's frame limit stops the splitting (the stream itself is
 * refused by its own limit); at most one frame is held.
 */
export class EventStreamSplitter {
  private pending = new Uint8Array(0)
  private stopped = false
  private readonly decoder = new TextDecoder()

  constructor(private readonly onFrame: (frame: EventStreamFrame) => void) {}

  push(chunk: Uint8Array): void {
    if (this.stopped) return
    const joined = new Uint8Array(this.pending.length + chunk.length)
    joined.set(this.pending)
    joined.set(chunk, this.pending.length)
    let offset = 0
    while (joined.length - offset >= PRELUDE) {
      const view = new DataView(joined.buffer, joined.byteOffset + offset)
      const total = view.getUint32(0)
      const headersLength = view.getUint32(4)
      if (total > STREAM_EVENT_LIMITS.eventStreamFrame || total < PRELUDE + TRAILER) {
        this.stopped = true
        this.pending = new Uint8Array(0)
        return
      }
      if (joined.length - offset < total) break
      const headers = joined.subarray(offset + PRELUDE, offset + PRELUDE + headersLength)
      const payload = joined.subarray(offset + PRELUDE + headersLength, offset + total - TRAILER)
      this.onFrame({ type: this.typeOf(headers), payload: this.decoder.decode(payload) })
      offset += total
    }
    this.pending = joined.slice(offset)
  }

  /** The frame's `:event-type`, `:exception-type` or `:message-type` header value. */
  private typeOf(headers: Uint8Array): string {
    const view = new DataView(headers.buffer, headers.byteOffset, headers.byteLength)
    const found: Record<string, string> = {}
    let at = 0
    while (at < headers.length) {
      const nameLength = headers[at] as number
      const name = this.decoder.decode(headers.subarray(at + 1, at + 1 + nameLength))
      at += 1 + nameLength
      const kind = headers[at++] as number
      const fixed = [0, 0, 1, 2, 4, 8, -1, -1, 8, 16][kind]
      if (fixed === undefined) break
      if (fixed >= 0) {
        at += fixed
        continue
      }
      const length = view.getUint16(at)
      if (kind === 7) found[name] = this.decoder.decode(headers.subarray(at + 2, at + 2 + length))
      at += 2 + length
    }
    return found[':event-type'] ?? found[':exception-type'] ?? found[':message-type'] ?? ''
  }
}
