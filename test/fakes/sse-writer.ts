import type { ServerResponse } from 'node:http'
import { sleep } from './script-queue'

/**
 * Writes Server-Sent Events the way real providers do — optionally split into small uneven
 * pieces so clients must reassemble frames across reads.
 */
export class SseWriter {
  private closed = false

  constructor(
    private readonly res: ServerResponse,
    private readonly options: { lineEnding?: '\n' | '\r\n'; splitFrames?: boolean } = {},
  ) {
    res.on('close', () => {
      this.closed = true
    })
  }

  get isClosed(): boolean {
    return this.closed
  }

  open(status = 200, headers: Record<string, string> = {}): void {
    this.res.writeHead(status, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      ...headers,
    })
    this.res.flushHeaders()
  }

  /** One frame: optional `event:` line, one `data:` line, blank line. */
  async event(data: string, event?: string): Promise<void> {
    const nl = this.options.lineEnding ?? '\n'
    const frame = `${event ? `event: ${event}${nl}` : ''}data: ${data}${nl}${nl}`
    await this.raw(frame)
  }

  async raw(text: string): Promise<void> {
    if (this.closed) return
    if (!this.options.splitFrames || text.length < 8) {
      this.res.write(text)
      return
    }
    // Uneven pieces: a frame boundary rarely lines up with a network read.
    const cut = Math.max(1, Math.floor(text.length / 3))
    this.res.write(text.slice(0, cut))
    await sleep(1)
    if (!this.closed) this.res.write(text.slice(cut))
  }

  /** Ends the response normally. */
  end(): void {
    if (!this.closed) this.res.end()
  }

  /** Drops the connection without an end marker, once what was written has been flushed. */
  cut(): void {
    const socket = this.res.socket
    if (!socket) return
    if (socket.writableNeedDrain) socket.once('drain', () => socket.destroy())
    else setImmediate(() => socket.destroy())
  }
}
