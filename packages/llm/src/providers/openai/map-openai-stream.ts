import { APIError } from 'openai'
import { LlmError } from '../../errors/llm-error'
import { streamEndedEarlyError } from '../../internal/provider-kit/stream-ended-early-error'
import { eventTooLargeError, STREAM_EVENT_LIMITS } from '../../internal/stream-event-limit'
import type { CallContext } from '../../provider-plugin'
import type { ChatCompletionChunk, ProviderId } from '../../types'
import { OpenAIChunkNormalizer } from './normalize-openai-chunk'
import { SseEventReader, type SseEvent } from '../../internal/sse-event-reader'
import type { ChunkIterator } from '../../internal/guarded-stream'
import {
  jsonOrUndefined,
  NOT_AN_ANSWER_HEAD_CHARS,
  notAnAnswerError,
  startsLikeEventStream,
} from '../../internal/provider-kit/not-an-answer-error'
import { openAIErrorIn } from './read-openai-completion'

/**
 * The SDK sends the request (auth, headers, API versions, error statuses); the answer's event
 * stream is read here. That is what lets a cut connection be told from a complete answer (the
 * SDK ends quietly on both), and it costs a fraction of the SDK's own stream parsing.
 * `open` sends the request when the first chunk is asked for.
 */
export function mapOpenAIStream(
  open: () => Promise<Response>,
  model: string,
  ctx: CallContext,
  provider: ProviderId,
): AsyncIterable<ChatCompletionChunk> {
  return {
    [Symbol.asyncIterator]: () =>
      new OpenAIChunkStream(open, new OpenAIChunkNormalizer(model), ctx, provider),
  }
}

const DONE: IteratorResult<ChatCompletionChunk> = { done: true, value: undefined }

const ignoreEvent = (): void => {}

/**
 * Reads an OpenAI-style event stream into our chunks, one network read at a time. The events of
 * a read are parsed one by one as the chunks are asked for, and handed out by `take()` without
 * a promise each (see ChunkIterator): one event's objects alive at a time, as in a plain loop.
 */
class OpenAIChunkStream implements ChunkIterator {
  private reader: ReadableStreamDefaultReader<Uint8Array> | undefined
  private headers: Headers | undefined
  private readonly decoder = new TextDecoder()
  private readonly parser = new SseEventReader(ignoreEvent, () => this.ctx.touch(), {
    chars: STREAM_EVENT_LIMITS.sse,
    tooLarge: (length, limit) => eventTooLargeError(this.provider, length, limit),
  })
  /** The trailing usage chunk, once the stream has ended properly. */
  private last: ChatCompletionChunk | undefined
  private sawDone = false
  /** The body has ended (or failed): nothing more is read from the network. */
  private ended = false
  /** The end has been checked: [DONE] seen, the usage chunk made. */
  private closed = false
  private failure: unknown
  private failed = false
  /** Whether any event arrived; until one has, the start of the body, to say what came instead. */
  private sawEvent = false
  private head = ''

  constructor(
    private readonly open: () => Promise<Response>,
    private readonly normalizer: OpenAIChunkNormalizer,
    private readonly ctx: CallContext,
    private readonly provider: ProviderId,
  ) {}

  /** The next chunk of the text already read, without a promise; undefined when next() must go on. */
  take(): ChatCompletionChunk | undefined {
    if (this.failed) return undefined
    try {
      for (let event = this.parser.read(); event !== undefined; event = this.parser.read()) {
        const chunk = this.chunkOf(event)
        if (chunk !== undefined) return chunk
      }
    } catch (error) {
      // The chunks of the events before it have gone out already.
      this.fail(error)
      return undefined
    }
    const last = this.last
    this.last = undefined
    return last
  }

  async next(): Promise<IteratorResult<ChatCompletionChunk>> {
    for (;;) {
      const value = this.take()
      if (value !== undefined) return { done: false, value }
      if (this.failed) {
        const failure = this.failure
        this.failure = undefined
        await this.reader?.cancel().catch(() => {})
        throw failure
      }
      if (this.closed) return DONE
      if (this.ended) {
        this.close()
        continue
      }
      if (!this.reader) {
        const response = await this.open()
        this.headers = response.headers
        if (!response.body) throw this.cut('The provider answered without a body.')
        this.reader = response.body.getReader()
      }
      const read = await this.reader.read()
      if (read.done) {
        this.ended = true
        this.parser.append(this.decoder.decode())
        continue
      }
      this.ctx.touch()
      const text = this.decoder.decode(read.value, { stream: true })
      if (!this.sawEvent && this.head.length < NOT_AN_ANSWER_HEAD_CHARS) this.head += text
      this.parser.append(text)
    }
  }

  async return(): Promise<IteratorResult<ChatCompletionChunk>> {
    this.ended = this.closed = true
    this.last = undefined
    await this.reader?.cancel().catch(() => {})
    return DONE
  }

  private fail(error: unknown): void {
    this.failed = true
    this.failure = error
    this.ended = this.closed = true
    this.last = undefined
  }

  private chunkOf({ event, data }: SseEvent): ChatCompletionChunk | undefined {
    this.sawEvent = true
    if (this.sawDone) return undefined
    if (data === '[DONE]') {
      this.sawDone = true
      return undefined
    }
    let parsed: { error?: unknown; message?: unknown }
    try {
      parsed = JSON.parse(data) as typeof parsed
    } catch {
      throw new LlmError({
        kind: 'server',
        provider: this.provider,
        message: `The provider sent an event that is not JSON: ${data.slice(0, 200)}`,
      })
    }
    const isObject = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
    // What the SDK does with an error inside a 200 stream, mapped the same way as an HTTP error.
    if (event === 'error' || (isObject && parsed.error)) {
      const detail = isObject ? ((parsed.error ?? parsed) as object) : { message: data }
      const text = isObject && typeof parsed.message === 'string' ? parsed.message : undefined
      // Not APIError.generate: without a status it makes a connection error of it.
      throw new APIError(undefined, detail, text, this.headers)
    }
    if (!isObject) {
      throw new LlmError({
        kind: 'server',
        provider: this.provider,
        message: `The provider sent an event that is not a JSON object: ${data.slice(0, 200)}`,
      })
    }
    return this.normalizer.next(parsed)
  }

  /** After the body's end and its last events: a cut stream fails, a whole one ends with usage. */
  private close(): void {
    this.closed = true
    if (this.ctx.signal.aborted) return this.fail(this.ctx.signal.reason)
    if (
      !this.sawDone &&
      !this.sawEvent &&
      this.head.trim() !== '' &&
      !startsLikeEventStream(this.head)
    ) {
      return this.fail(this.notAnEventStream())
    }
    if (!this.sawDone) {
      return this.fail(
        streamEndedEarlyError(
          this.provider,
          this.normalizer.sawFinish ? '[DONE]' : 'finish reason and [DONE]',
        ),
      )
    }
    this.last = this.normalizer.finalUsageChunk()
  }

  /** A 200 body with no event in it: the API's JSON error raised as such, else not_an_answer. */
  private notAnEventStream(): unknown {
    const headers = this.headers ?? new Headers()
    return (
      openAIErrorIn(jsonOrUndefined(this.head), headers) ??
      notAnAnswerError(this.provider, this.head, headers.get('content-type'))
    )
  }

  private cut(message: string): LlmError {
    this.ended = this.closed = true
    return new LlmError({ kind: 'network', provider: this.provider, message })
  }
}
