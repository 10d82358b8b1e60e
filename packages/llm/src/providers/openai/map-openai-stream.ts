import { APIError } from 'openai'
import { LlmError } from '../../errors/llm-error'
import { streamEndedEarlyError } from '../../internal/provider-kit/stream-ended-early-error'
import { eventTooLargeError, STREAM_EVENT_LIMITS } from '../../internal/stream-event-limit'
import type { CallContext } from '../../provider-plugin'
import type { ChatCompletionChunk, ProviderId } from '../../types'
import { OpenAIChunkNormalizer } from './normalize-openai-chunk'
import { SseEventReader, type SseEvent } from '../../internal/sse-event-reader'

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

/** Reads an OpenAI-style event stream into our chunks, one network read at a time. */
class OpenAIChunkStream implements AsyncIterator<ChatCompletionChunk> {
  private reader: ReadableStreamDefaultReader<Uint8Array> | undefined
  private headers: Headers | undefined
  private readonly decoder = new TextDecoder()
  private readonly parser = new SseEventReader(
    (event) => this.onEvent(event),
    () => this.ctx.touch(),
    {
      chars: STREAM_EVENT_LIMITS.sse,
      tooLarge: (length, limit) => eventTooLargeError(this.provider, length, limit),
    },
  )
  private readonly ready: ChatCompletionChunk[] = []
  private next_ = 0
  private sawDone = false
  private ended = false
  private failure: unknown

  constructor(
    private readonly open: () => Promise<Response>,
    private readonly normalizer: OpenAIChunkNormalizer,
    private readonly ctx: CallContext,
    private readonly provider: ProviderId,
  ) {}

  async next(): Promise<IteratorResult<ChatCompletionChunk>> {
    for (;;) {
      if (this.next_ < this.ready.length) {
        const value = this.ready[this.next_++] as ChatCompletionChunk
        if (this.next_ === this.ready.length) {
          this.ready.length = 0
          this.next_ = 0
        }
        return { done: false, value }
      }
      if (this.failure) {
        const failure = this.failure
        this.failure = undefined
        await this.reader?.cancel().catch(() => {})
        throw failure
      }
      if (this.ended) return DONE
      if (!this.reader) {
        const response = await this.open()
        this.headers = response.headers
        if (!response.body) throw this.cut('The provider answered without a body.')
        this.reader = response.body.getReader()
      }
      const read = await this.reader.read()
      if (read.done) {
        this.finish()
        continue
      }
      this.ctx.touch()
      try {
        this.parser.push(this.decoder.decode(read.value, { stream: true }))
      } catch (error) {
        // The chunks of the events completed before it still go out first.
        this.failure = error
        this.ended = true
      }
    }
  }

  async return(): Promise<IteratorResult<ChatCompletionChunk>> {
    this.ended = true
    await this.reader?.cancel().catch(() => {})
    return DONE
  }

  private onEvent({ event, data }: SseEvent): void {
    if (this.sawDone) return
    if (data === '[DONE]') {
      this.sawDone = true
      return
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
    // What the SDK does with an error inside a 200 stream, mapped the same way as an HTTP error.
    if (event === 'error' || (parsed && typeof parsed === 'object' && parsed.error)) {
      const detail = (parsed.error ?? parsed) as object
      const text = typeof parsed.message === 'string' ? parsed.message : undefined
      // Not APIError.generate: without a status it makes a connection error of it.
      throw new APIError(undefined, detail, text, this.headers)
    }
    const chunk = this.normalizer.next(parsed)
    if (chunk) this.ready.push(chunk)
  }

  private finish(): void {
    this.ended = true
    this.parser.push(this.decoder.decode())
    if (this.ctx.signal.aborted) throw this.ctx.signal.reason
    if (!this.sawDone) {
      throw streamEndedEarlyError(
        this.provider,
        this.normalizer.sawFinish ? '[DONE]' : 'finish reason and [DONE]',
      )
    }
    const usage = this.normalizer.finalUsageChunk()
    if (usage) this.ready.push(usage)
  }

  private cut(message: string): LlmError {
    this.ended = true
    return new LlmError({ kind: 'network', provider: this.provider, message })
  }
}
