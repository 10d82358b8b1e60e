import { SseEventReader, type SseEventLimit } from '../../internal/sse-event-reader'

const LF = 10
const CR = 13
const SPACE = 32
const COLON = 58

/**
 * The SSE reader of the Gemini / Vertex stream: `push` takes decoded text and calls `onData` with
 * the data of every complete event (Google names no events), `onComment` for comment lines.
 *
 * Google ends its lines with CRLF. The shared `SseEventReader` rewrites every CR first (a regex
 * replace and a copy of each read); this one finds the blank lines that end events with
 * `indexOf('\n')`, takes an event that is one `data:` line with one slice, and reads any other
 * event line by line as the SSE spec does. LF and CRLF endings are handled here, split anywhere
 * across reads; a lone CR line ending (legal, never seen from Google) hands the stream over to
 * `SseEventReader` from there on. With a `limit`, an event (the text since its first line)
 * longer than `limit.chars` throws `limit.tooLarge` from `push` instead of growing the buffer.
 */
export class GoogleSseReader {
  /** The current event's text so far, from its first line. */
  private buffer = ''
  /** Where the next line starts in `buffer`. */
  private lineStart = 0
  /** Where the event's first line ends (its LF) in `buffer`; -1 until it has. */
  private firstLf = -1
  private fallback: SseEventReader | undefined

  constructor(
    private readonly onData: (data: string) => void,
    private readonly onComment: () => void,
    private readonly limit?: SseEventLimit,
  ) {}

  push(text: string): void {
    if (text === '') return
    if (this.fallback) return this.fallback.push(text)
    if (hasLoneCr(this.buffer, text)) return this.handOver(text)
    const buffer = this.buffer === '' ? text : this.buffer + text
    let eventStart = 0
    let lineStart = this.lineStart
    let firstLf = this.firstLf
    for (let lf = buffer.indexOf('\n', lineStart); lf >= 0; lf = buffer.indexOf('\n', lineStart)) {
      if (lineStart === eventStart) firstLf = lf
      const blank =
        lf === lineStart || (lf === lineStart + 1 && buffer.charCodeAt(lineStart) === CR)
      if (blank) {
        // Only now the event is known to be complete; the blank line is not part of it.
        if (lineStart > eventStart) {
          // What onData throws leaves the rest of the text unread: the stream ends there.
          this.buffer = ''
          this.lineStart = 0
          this.firstLf = -1
          this.dispatch(buffer, eventStart, lineStart, firstLf)
        }
        eventStart = lf + 1
        firstLf = -1
      }
      lineStart = lf + 1
    }
    const rest =
      eventStart === 0 ? buffer : eventStart === buffer.length ? '' : buffer.slice(eventStart)
    this.buffer = rest
    this.lineStart = lineStart - eventStart
    this.firstLf = firstLf >= 0 ? firstLf - eventStart : -1
    const limit = this.limit
    if (limit && rest.length > limit.chars) {
      this.buffer = ''
      this.lineStart = 0
      this.firstLf = -1
      throw limit.tooLarge(rest.length, limit.chars)
    }
  }

  /** The event whose lines (each ending in LF or CRLF) fill `from`…`to` of `buffer`. */
  private dispatch(buffer: string, from: number, to: number, firstLf: number): void {
    if (
      firstLf === to - 1 &&
      buffer.charCodeAt(from + 4) === COLON &&
      buffer.startsWith('data', from)
    ) {
      // One `data:` line: the common case, and all Google sends.
      const end = buffer.charCodeAt(firstLf - 1) === CR ? firstLf - 1 : firstLf
      const start = buffer.charCodeAt(from + 5) === SPACE ? from + 6 : from + 5
      this.onData(start < end ? buffer.slice(start, end) : '')
      return
    }
    let data: string | undefined
    for (let at = from; at < to;) {
      const lf = buffer.indexOf('\n', at)
      const end = lf > at && buffer.charCodeAt(lf - 1) === CR ? lf - 1 : lf
      const colon = buffer.indexOf(':', at)
      if (colon === at) this.onComment()
      else {
        const hasValue = colon >= 0 && colon < end
        if (buffer.slice(at, hasValue ? colon : end) === 'data') {
          let start = hasValue ? colon + 1 : end
          if (start < end && buffer.charCodeAt(start) === SPACE) start++
          const value = start < end ? buffer.slice(start, end) : ''
          data = data === undefined ? value : `${data}\n${value}`
        }
        // `event`, `id`, `retry` and unknown fields: Google sends none the library needs.
      }
      at = lf + 1
    }
    if (data !== undefined) this.onData(data)
  }

  /** A lone CR ends lines from here on: the shared reader takes over with what is pending. */
  private handOver(text: string): void {
    const fallback = new SseEventReader(
      (event) => this.onData(event.data),
      this.onComment,
      this.limit,
    )
    this.fallback = fallback
    const pending = this.buffer
    this.buffer = ''
    this.lineStart = 0
    this.firstLf = -1
    fallback.push(pending + text)
  }
}

/**
 * Whether a CR in `text` (or one that ended `before`) is a line ending of its own, not the
 * first half of CRLF. A CR at the very end of `text` is decided by the next push.
 */
function hasLoneCr(before: string, text: string): boolean {
  if (before.charCodeAt(before.length - 1) === CR && text.charCodeAt(0) !== LF) return true
  const last = text.length - 1
  for (let i = text.indexOf('\r'); i >= 0 && i < last; i = text.indexOf('\r', i + 2)) {
    if (text.charCodeAt(i + 1) !== LF) return true
  }
  return false
}
