import { streamEndedEarlyError } from '../../internal/provider-kit/stream-ended-early-error'
import { eventTooLargeError, STREAM_EVENT_LIMITS } from '../../internal/stream-event-limit'
import type { CallContext } from '../../provider-plugin'
import type { ChatCompletionChunk } from '../../types'
import { LlmError } from '../../errors/llm-error'
import {
  AnthropicSseReader,
  type AnthropicEventName,
  type AnthropicSseSink,
} from './anthropic-sse-reader'
import { AnthropicStreamMapper } from './map-anthropic-stream'
import { notAMessageError } from './read-anthropic-message'
import {
  jsonOrUndefined,
  NOT_AN_ANSWER_HEAD_CHARS,
  startsLikeEventStream,
} from '../../internal/provider-kit/not-an-answer-error'

const tooLarge = (length: number, limit: number) => eventTooLargeError('anthropic', length, limit)

const DONE: IteratorResult<ChatCompletionChunk> = { done: true, value: undefined }

/**
 * Reads an Anthropic Messages event stream into our chunks, one network read at a time: the
 * body's bytes through one streaming TextDecoder into the library's SSE reader (with the SSE
 * event size limit), each event mapped as it completes. The SDK only sends the request (auth,
 * headers, its non-2xx errors): `open` does that when the first chunk is asked for.
 *
 * Every read and every event (`ping` included) resets the idle timer. A stream that ends
 * without `message_stop` is cut (a network error); an `error` event, an event over the size
 * limit or a malformed event fails the stream after the chunks of the events before it.
 * After `message_stop`, or when the caller stops early, the body is cancelled.
 */
export class AnthropicChunkStream
  implements
    AsyncIterator<ChatCompletionChunk>,
    AsyncIterable<ChatCompletionChunk>,
    AnthropicSseSink
{
  private reader: ReadableStreamDefaultReader<Uint8Array> | undefined
  private mapper: AnthropicStreamMapper | undefined
  private readonly decoder = new TextDecoder()
  private readonly parser = new AnthropicSseReader(this, STREAM_EVENT_LIMITS.sse, tooLarge)
  private readonly ready: ChatCompletionChunk[] = []
  private next_ = 0
  private ended = false
  private failure: unknown
  /** Whether any event arrived; until one has, the start of the body, to say what came instead. */
  private sawEvent = false
  private head = ''
  private headers: Headers | undefined

  constructor(
    private readonly open: () => Promise<Response>,
    private readonly model: string,
    private readonly ctx: CallContext,
  ) {}

  [Symbol.asyncIterator](): AsyncIterator<ChatCompletionChunk> {
    return this
  }

  next(): Promise<IteratorResult<ChatCompletionChunk>> {
    // Most calls find a chunk mapped from the last read: no async function for those.
    return this.next_ < this.ready.length
      ? Promise.resolve({ done: false, value: this.shift() })
      : this.read()
  }

  /**
   * A chunk already mapped from the last read, without a promise (the generic layer's
   * ChunkIterator, internal/guarded-stream.ts); undefined when `next()` must read on, end or fail.
   */
  take(): ChatCompletionChunk | undefined {
    return this.next_ < this.ready.length ? this.shift() : undefined
  }

  private shift(): ChatCompletionChunk {
    const ready = this.ready
    const value = ready[this.next_++] as ChatCompletionChunk
    if (this.next_ === ready.length) {
      ready.length = 0
      this.next_ = 0
    }
    return value
  }

  private async read(): Promise<IteratorResult<ChatCompletionChunk>> {
    for (;;) {
      if (this.next_ < this.ready.length) return { done: false, value: this.shift() }
      if (this.failure !== undefined) {
        const failure = this.failure
        this.failure = undefined
        await this.close()
        throw failure
      }
      if (this.ended) {
        await this.close()
        return DONE
      }
      if (!this.reader) {
        // Opened once: a request that fails is not sent again by asking for the next chunk.
        this.ended = true
        const response = await this.open()
        this.ended = false
        this.headers = response.headers
        this.mapper = new AnthropicStreamMapper(this.model, response.headers)
        if (!response.body) {
          this.ended = true
          throw new LlmError({
            kind: 'network',
            provider: 'anthropic',
            message: 'Anthropic answered without a body.',
          })
        }
        this.reader = response.body.getReader()
      }
      const read = await this.reader.read()
      this.ctx.touch()
      try {
        if (read.done) this.finish()
        else {
          const text = this.decoder.decode(read.value, { stream: true })
          if (!this.sawEvent && this.head.length < NOT_AN_ANSWER_HEAD_CHARS) this.head += text
          this.parser.push(text)
        }
        if (this.mapper?.stopped) this.ended = true
      } catch (error) {
        // The chunks of the events completed before it still go out first.
        this.failure = error
        this.ended = true
      }
    }
  }

  async return(): Promise<IteratorResult<ChatCompletionChunk>> {
    this.ended = true
    this.ready.length = 0
    this.next_ = 0
    await this.close()
    return DONE
  }

  /** AnthropicSseSink: every event, `ping` included, resets the idle timer. */
  event(name: AnthropicEventName, data: string): void {
    this.sawEvent = true
    this.ctx.touch()
    ;(this.mapper as AnthropicStreamMapper).event(name, data, this.ready)
  }

  /** AnthropicSseSink: a keep-alive comment. */
  comment(): void {
    this.ctx.touch()
  }

  private finish(): void {
    this.ended = true
    this.reader = undefined
    this.parser.push(this.decoder.decode())
    if (this.mapper?.stopped) return
    if (this.ctx.signal.aborted) {
      throw this.ctx.signal.reason instanceof Error
        ? this.ctx.signal.reason
        : new DOMException('Aborted', 'AbortError')
    }
    if (!this.sawEvent && this.head.trim() !== '' && !startsLikeEventStream(this.head)) {
      // A whole body without one event: what answered was not the Messages API's stream.
      const headers = this.headers ?? new Headers()
      throw notAMessageError(jsonOrUndefined(this.head), this.head, headers)
    }
    throw streamEndedEarlyError('anthropic', 'message_stop')
  }

  /** Cancels the body (once), which closes the connection unless it already ended. */
  private async close(): Promise<void> {
    const reader = this.reader
    this.reader = undefined
    await reader?.cancel().catch(() => {})
  }
}
