/** One Server-Sent Event: its `event:` name (undefined for the default) and joined `data:` lines. */
export interface SseEvent {
  event: string | undefined
  data: string
}

/** The largest event accepted, in characters of decoded text, and the error for a larger one. */
export interface SseEventLimit {
  chars: number
  tooLarge(length: number, limit: number): Error
}

/**
 * An incremental SSE parser (per the HTML spec's event-stream format): LF, CRLF or CR line
 * endings, frames split anywhere across reads, multi-line data, comments and unknown fields.
 * `push` takes decoded text and calls `onEvent` for every complete event; `onComment` fires for
 * keep-alive comments. With a `limit`, an event (its pending line plus the data lines so far)
 * longer than `limit.chars` throws `limit.tooLarge` from `push` instead of growing the buffer.
 */
export class SseEventReader {
  private buffer = ''
  private pendingCr = false
  private event: string | undefined
  private data: string[] = []
  private dataLength = 0

  constructor(
    private readonly onEvent: (event: SseEvent) => void,
    private readonly onComment: () => void = () => {},
    private readonly limit?: SseEventLimit,
  ) {}

  push(text: string): void {
    if (text === '') return
    if (this.pendingCr) {
      // A CR that ended the last read: a following LF belongs to the same line ending.
      if (text.charCodeAt(0) === 10) text = text.slice(1)
      this.pendingCr = false
    }
    if (text.includes('\r')) {
      if (text.endsWith('\r')) this.pendingCr = true
      text = text.replace(/\r\n?/g, '\n')
    }
    let buffer = this.buffer + text
    let start = 0
    for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n', start)) {
      this.line(buffer.slice(start, end))
      start = end + 1
    }
    buffer = buffer.slice(start)
    this.buffer = buffer
    const limit = this.limit
    if (limit && buffer.length + this.dataLength > limit.chars) {
      const length = buffer.length + this.dataLength
      this.buffer = ''
      this.data = []
      this.dataLength = 0
      throw limit.tooLarge(length, limit.chars)
    }
  }

  private line(line: string): void {
    if (line === '') {
      if (this.data.length > 0) this.onEvent({ event: this.event, data: this.data.join('\n') })
      this.data = []
      this.dataLength = 0
      this.event = undefined
      return
    }
    const colon = line.indexOf(':')
    if (colon === 0) return this.onComment()
    const field = colon < 0 ? line : line.slice(0, colon)
    let value = colon < 0 ? '' : line.slice(colon + 1)
    if (value.charCodeAt(0) === 32) value = value.slice(1)
    if (field === 'data') {
      this.data.push(value)
      this.dataLength += value.length
    } else if (field === 'event') this.event = value
  }
}
