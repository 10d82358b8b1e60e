/**
 * What an Anthropic event's `event:` line named, as far as the stream's meaning depends on it:
 * `OTHER_EVENT` for no `event:` line or any name but `ping` (a keep-alive, with or without data)
 * and `error` (the data is an error body, as of an HTTP error); the data's `type` tells the rest.
 */
export const OTHER_EVENT = 0
export const PING_EVENT = 1
export const ERROR_EVENT = 2
export type AnthropicEventName = typeof OTHER_EVENT | typeof PING_EVENT | typeof ERROR_EVENT

/** Where the reader sends what it reads. */
export interface AnthropicSseSink {
  /** One complete event: its name and its `data:` lines joined with LF ('' when it had none). */
  event(name: AnthropicEventName, data: string): void
  /** A comment line (`: …`), which servers send to keep a connection alive. */
  comment(): void
}

const LF = 10
const CR = 13
const SPACE = 32
const COLON = 58
const LOWER_D = 100
const LOWER_E = 101

/**
 * The Messages API's event stream, read incrementally (the HTML spec's event-stream format: LF,
 * CRLF or CR line endings, frames split anywhere across reads, multi-line data, comments and
 * unknown fields ignored). Like the SDK's own reader it gives out an event that has an `event:`
 * line but no data (an `event: error` without a body still fails the stream), and drops an event
 * the stream ended in the middle of.
 *
 * On the path of every delta, so it allocates only what it gives out: one string per event (its
 * data) and none for the `event:` name, which is only compared (`ping`, `error`, else the data's
 * own `type` tells). An event longer than `limit` characters (its pending line plus its data so
 * far) throws `tooLarge` from `push` instead of growing the buffer.
 */
export class AnthropicSseReader {
  private buffer = ''
  private pendingCr = false
  private name: AnthropicEventName = OTHER_EVENT
  private named = false
  /** The event's data lines so far, joined with LF; `hasData` tells an empty line from none. */
  private data = ''
  private hasData = false
  private dataLength = 0

  constructor(
    private readonly sink: AnthropicSseSink,
    private readonly limit: number,
    private readonly tooLarge: (length: number, limit: number) => Error,
  ) {}

  push(text: string): void {
    if (text === '') return
    if (this.pendingCr) {
      // A CR that ended the last read: a following LF belongs to the same line ending.
      if (text.charCodeAt(0) === LF) text = text.slice(1)
      this.pendingCr = false
    }
    if (text.includes('\r')) {
      if (text.charCodeAt(text.length - 1) === CR) this.pendingCr = true
      text = text.replace(/\r\n?/g, '\n')
    }
    const buffer = this.buffer === '' ? text : this.buffer + text
    let start = 0
    for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n', start)) {
      if (end === start) this.dispatch()
      else this.line(buffer, start, end)
      start = end + 1
    }
    const rest = start === 0 ? buffer : start === buffer.length ? '' : buffer.slice(start)
    this.buffer = rest
    if (rest.length + this.dataLength > this.limit) {
      const length = rest.length + this.dataLength
      this.buffer = ''
      this.clear()
      throw this.tooLarge(length, this.limit)
    }
  }

  /** One non-blank line, `buffer` from `start` to `end` (exclusive). */
  private line(buffer: string, start: number, end: number): void {
    const first = buffer.charCodeAt(start)
    if (first === COLON) return this.sink.comment()
    // `data` or `event`, then the end of the line or a colon (and one optional space).
    const fieldEnd = first === LOWER_D ? start + 4 : first === LOWER_E ? start + 5 : -1
    if (fieldEnd < 0 || fieldEnd > end) return
    if (!buffer.startsWith(first === LOWER_D ? 'data' : 'event', start)) return
    let from: number
    if (fieldEnd === end) from = end
    else if (buffer.charCodeAt(fieldEnd) === COLON)
      from =
        buffer.charCodeAt(fieldEnd + 1) === SPACE && fieldEnd + 1 < end
          ? fieldEnd + 2
          : fieldEnd + 1
    else return // another field whose name starts with `data` or `event`
    if (first === LOWER_D) {
      const value = from < end ? buffer.slice(from, end) : ''
      if (this.hasData) this.data += '\n' + value
      else {
        this.data = value
        this.hasData = true
      }
      this.dataLength += value.length
    } else {
      const length = end - from
      this.named = true
      this.name =
        length === 4 && buffer.startsWith('ping', from)
          ? PING_EVENT
          : length === 5 && buffer.startsWith('error', from)
            ? ERROR_EVENT
            : OTHER_EVENT
    }
  }

  private dispatch(): void {
    if (!this.hasData && !this.named) return
    const name = this.name
    const data = this.data
    this.clear()
    this.sink.event(name, data)
  }

  private clear(): void {
    this.data = ''
    this.hasData = false
    this.dataLength = 0
    this.name = OTHER_EVENT
    this.named = false
  }
}
