import type { RawStreamEvent } from '../types'
import { STREAM_EVENT_LIMITS } from './stream-event-limit'

/**
 * Splits SSE text into events (blank-line separated, LF or CRLF) as the bytes pass by, each with
 * its arrival time. One event is held at most up to the library's largest SSE event limit; past
 * that the recording stops (the stream itself goes on, and is refused by its own limit).
 */
export class SseEventTap {
  private readonly decoder = new TextDecoder()
  private pending = ''
  private stopped = false

  constructor(
    private readonly events: RawStreamEvent[],
    private readonly since: () => number,
  ) {}

  push(chunk: Uint8Array): void {
    if (this.stopped) return
    this.pending += this.decoder.decode(chunk, { stream: true })
    this.drain()
    if (this.pending.length > STREAM_EVENT_LIMITS.googleSse) this.stop()
  }

  end(): void {
    if (this.stopped) return
    this.pending += this.decoder.decode()
    this.drain()
    const rest = this.pending.trim()
    if (rest) this.events.push({ atMs: this.since(), data: rest })
    this.stop()
  }

  private drain(): void {
    for (;;) {
      const match = /\r?\n\r?\n/.exec(this.pending)
      if (!match) return
      const text = this.pending.slice(0, match.index)
      this.pending = this.pending.slice(match.index + match[0].length)
      if (text.trim()) this.events.push({ atMs: this.since(), data: text })
    }
  }

  private stop(): void {
    this.stopped = true
    this.pending = ''
  }
}
