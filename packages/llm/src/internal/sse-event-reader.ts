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

const LF = 10
const CR = 13
const SPACE = 32
const COLON = 58
const D = 100

const ignoreComment = (): void => {}

/**
 * An incremental SSE parser (per the HTML spec's event-stream format): LF, CRLF or CR line
 * endings, frames split anywhere across reads, multi-line data, comments and unknown fields.
 * `push` takes decoded text and calls `onEvent` for every complete event; `onComment` fires for
 * keep-alive comments. With a `limit`, an event (its pending line plus the data lines so far)
 * longer than `limit.chars` throws `limit.tooLarge` from `push` instead of growing the buffer.
 *
 * It is on the path of every stream event, so it walks the text once with `indexOf('\n')` and
 * slices only what it keeps (an event's data, a named event's name): no per-line strings, no
 * arrays, and a `data:` line is recognised without slicing its field name. Besides `push`, a
 * pull mode (`append`, then `read` until undefined) parses one event at a time.
 */
export class SseEventReader {
  /** Decoded text not read yet starts at `pos`. */
  private buffer = ''
  private pos = 0
  private pendingCr = false
  private event: string | undefined
  /** The event's data lines so far, joined with LF; `hasData` tells an empty line from none. */
  private data = ''
  private hasData = false
  /** The characters of the data lines so far (without the LFs that join them). */
  private dataLength = 0

  constructor(
    private readonly onEvent: (event: SseEvent) => void,
    private readonly onComment: () => void = ignoreComment,
    private readonly limit?: SseEventLimit,
  ) {}

  /** Takes decoded text and calls `onEvent` for every event it completes. */
  push(text: string): void {
    this.append(text)
    for (let event = this.read(); event !== undefined; event = this.read()) this.onEvent(event)
  }

  /**
   * Pull mode: takes decoded text without reading it; `read()` then hands out its events one by
   * one. A stream that yields one chunk per event parses each only when it is asked for, so no
   * more than one event's objects are alive at a time.
   */
  append(text: string): void {
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
    const pos = this.pos
    const buffer = this.buffer
    this.buffer = pos >= buffer.length ? text : (pos === 0 ? buffer : buffer.slice(pos)) + text
    this.pos = 0
  }

  /**
   * The next complete event of the text appended so far, or undefined when more text is needed;
   * comments call `onComment` on the way. With a limit, throws `limit.tooLarge` when the event
   * still incomplete is longer than the limit.
   */
  read(): SseEvent | undefined {
    const buffer = this.buffer
    let start = this.pos
    for (let end = buffer.indexOf('\n', start); end >= 0; end = buffer.indexOf('\n', start)) {
      if (end === start) {
        start = end + 1
        if (this.hasData) {
          this.pos = start
          const event: SseEvent = { event: this.event, data: this.data }
          this.clear()
          return event
        }
        this.clear()
        continue
      }
      if (
        buffer.charCodeAt(start) === D &&
        end - start >= 5 &&
        buffer.charCodeAt(start + 4) === COLON &&
        buffer.startsWith('data', start)
      ) {
        const from = buffer.charCodeAt(start + 5) === SPACE ? start + 6 : start + 5
        this.addData(from < end ? buffer.slice(from, end) : '')
      } else this.field(buffer, start, end)
      start = end + 1
    }
    this.pos = start
    const limit = this.limit
    if (limit && buffer.length - start + this.dataLength > limit.chars) {
      const length = buffer.length - start + this.dataLength
      this.buffer = ''
      this.pos = 0
      this.clear()
      throw limit.tooLarge(length, limit.chars)
    }
    return undefined
  }

  /** A line other than `data:…` or a blank one, between `start` and `end` of `buffer`. */
  private field(buffer: string, start: number, end: number): void {
    const colon = buffer.indexOf(':', start)
    if (colon === start) return this.onComment()
    const hasValue = colon >= 0 && colon < end
    const field = buffer.slice(start, hasValue ? colon : end)
    let from = hasValue ? colon + 1 : end
    if (from < end && buffer.charCodeAt(from) === SPACE) from++
    const value = from < end ? buffer.slice(from, end) : ''
    if (field === 'data') this.addData(value)
    else if (field === 'event') this.event = value
  }

  private addData(value: string): void {
    if (this.hasData) this.data += '\n' + value
    else {
      this.data = value
      this.hasData = true
    }
    this.dataLength += value.length
  }

  private clear(): void {
    this.data = ''
    this.hasData = false
    this.dataLength = 0
    this.event = undefined
  }
}
