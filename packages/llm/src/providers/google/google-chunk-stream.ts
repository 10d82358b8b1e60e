import type { Candidate, GenerateContentResponse } from '@google/genai'
import { LlmError } from '../../errors/llm-error'
import { eventTooLargeError, STREAM_EVENT_LIMITS } from '../../internal/stream-event-limit'
import type { ChunkIterator } from '../../internal/guarded-stream'
import type { CallContext } from '../../provider-plugin'
import type { ChatCompletionChunk, ProviderId } from '../../types'
import { cutMidEventError, streamErrorEventError } from './google-error'
import { refusalOf } from './google-ok-body'
import { GoogleSseReader } from './google-sse-reader'
import { GoogleStreamMapper, type GoogleStreamEvent } from './map-google-stream'

/**
 * What a streaming request opened: the event-stream body, taken from the SDK's answer (see
 * `takeEventStream`), or — for an OK answer that is not an event stream — the SDK's own events.
 */
export type GoogleStreamSource =
  | { body: ReadableStream<Uint8Array>; events?: undefined }
  | { body?: undefined; events: AsyncIterable<GenerateContentResponse> }

/**
 * A fetch for the SDK's streaming call that keeps the body of an OK `text/event-stream` answer
 * for the library and hands the SDK the same status and headers with an empty body (so its own
 * parser sees a stream that ends at once and is never iterated). Errors go to the SDK as they
 * came; so does an OK answer of another content type that is a JSON response. One that is a
 * JSON error or no JSON at all (a proxy's sign-in page) is `refusal()` (see refusalOf), and the
 * SDK gets an empty body. `taken()` is the kept body, if any.
 */
export function takeEventStream(
  base: typeof fetch,
  provider: ProviderId,
): {
  fetch: typeof fetch
  taken(): ReadableStream<Uint8Array> | undefined
  refusal(): LlmError | undefined
} {
  let body: ReadableStream<Uint8Array> | undefined
  let refusal: LlmError | undefined
  const taking: typeof fetch = async (input, init) => {
    const response = await base(input, init)
    if (!response.ok || !response.body) return response
    const init_ = { status: response.status, statusText: response.statusText }
    if (!(response.headers.get('content-type') ?? '').includes('text/event-stream')) {
      const text = await response.text()
      refusal = refusalOf(provider, text, response.headers)
      return new Response(refusal ? '' : text, { ...init_, headers: response.headers })
    }
    body = response.body
    return new Response('', { ...init_, headers: response.headers })
  }
  return { fetch: taking, taken: () => body, refusal: () => refusal }
}

const DONE: IteratorResult<ChatCompletionChunk> = { done: true, value: undefined }

/**
 * Reads a Gemini / Vertex `streamGenerateContent?alt=sse` answer into our chunks, one network
 * read at a time: one streaming TextDecoder, `GoogleSseReader` (with the Google event limit), one
 * JSON.parse per event, and `GoogleStreamMapper` on the REST JSON. An error event becomes the
 * LlmError the SDK's ApiError would have become; a stream that stops inside an event or before a
 * finishReason is an error after the chunks already read. `open` sends the request (through the
 * SDK) when the first chunk is asked for.
 */
export class GoogleChunkStream implements ChunkIterator {
  private reader: ReadableStreamDefaultReader<Uint8Array> | undefined
  private events: AsyncIterator<GenerateContentResponse> | undefined
  private readonly decoder = new TextDecoder()
  private readonly parser: GoogleSseReader
  private readonly ready: ChatCompletionChunk[] = []
  private readonly mapper: GoogleStreamMapper
  private next_ = 0
  private ending = false
  private ended = false
  private failure: unknown
  /** Gemini API names a candidate's citations `citationSources`; the SDK renames them. */
  private readonly mldev: boolean

  constructor(
    private readonly provider: ProviderId,
    model: string,
    private readonly ctx: CallContext,
    private readonly open: () => Promise<GoogleStreamSource>,
  ) {
    this.mldev = provider === 'gemini'
    this.mapper = new GoogleStreamMapper(provider, model, this.ready)
    this.parser = new GoogleSseReader(
      (data) => this.onEvent(data),
      () => this.ctx.touch(),
      {
        chars: STREAM_EVENT_LIMITS.googleSse,
        tooLarge: (length, limit) => eventTooLargeError(this.provider, length, limit),
      },
    )
  }

  [Symbol.asyncIterator](): this {
    return this
  }

  next(): Promise<IteratorResult<ChatCompletionChunk>> {
    // Most calls find a chunk ready (one read holds many events): no async function for those.
    const value = this.take()
    if (value !== undefined) return Promise.resolve({ done: false, value })
    return this.fill()
  }

  /** A chunk already decoded, if any (the core's `ChunkIterator.take`). */
  take(): ChatCompletionChunk | undefined {
    if (this.next_ >= this.ready.length) return undefined
    const value = this.ready[this.next_++] as ChatCompletionChunk
    if (this.next_ === this.ready.length) {
      this.ready.length = 0
      this.next_ = 0
    }
    return value
  }

  /** Reads until a chunk is ready, the stream ended or failed. */
  private async fill(): Promise<IteratorResult<ChatCompletionChunk>> {
    for (;;) {
      const value = this.take()
      if (value !== undefined) return { done: false, value }
      if (this.failure !== undefined) {
        const failure = this.failure
        this.failure = undefined
        await this.reader?.cancel().catch(() => {})
        throw failure
      }
      if (this.ended) return DONE
      if (!this.reader && !this.events) {
        const source = await this.open()
        if (source.body) this.reader = source.body.getReader()
        else this.events = source.events[Symbol.asyncIterator]()
      }
      if (this.events) {
        await this.nextEvent(this.events)
        continue
      }
      const read = await (this.reader as ReadableStreamDefaultReader<Uint8Array>).read()
      try {
        if (read.done) this.finish()
        else {
          this.ctx.touch()
          this.parser.push(this.decoder.decode(read.value, { stream: true }))
        }
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
    await this.events?.return?.().catch(() => {})
    return DONE
  }

  /** An OK answer that was not an event stream: the SDK's events, mapped the same way. */
  private async nextEvent(events: AsyncIterator<GenerateContentResponse>): Promise<void> {
    const result = await events.next()
    try {
      if (result.done) {
        this.ended = true
        this.mapper.end()
      } else {
        this.ctx.touch()
        this.mapper.event(result.value)
      }
    } catch (error) {
      this.failure = error
      this.ended = true
    }
  }

  private onEvent(data: string): void {
    let parsed: unknown
    try {
      parsed = JSON.parse(data)
    } catch {
      if (this.ending) throw cutMidEventError(this.provider)
      throw new LlmError({
        kind: 'server',
        provider: this.provider,
        message: `The provider sent an event that is not JSON: ${data.slice(0, 200)}`,
      })
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new LlmError({
        kind: 'server',
        provider: this.provider,
        message: `The provider sent an event that is not a JSON object: ${data.slice(0, 200)}`,
      })
    }
    const event = parsed as GoogleStreamEvent & { error?: unknown }
    if (event.error !== undefined) {
      const error = streamErrorEventError(this.provider, event)
      if (error) throw error
    }
    if (this.mldev) {
      const candidate = event.candidates?.[0]
      if (candidate?.citationMetadata) renameCitationSources(candidate)
    }
    this.mapper.event(event)
  }

  private finish(): void {
    this.ended = true
    this.ending = true
    // What the decoder held, and an event the stream stopped inside (a blank line ends it here:
    // its JSON is cut, unless only the closing blank line was missing).
    this.parser.push(this.decoder.decode())
    this.parser.push('\n\n')
    if (this.ctx.signal.aborted) throw this.ctx.signal.reason
    this.mapper.end()
  }
}

/** The Gemini API's `citationMetadata.citationSources` under the SDK's name, `citations`. */
function renameCitationSources(candidate: Candidate): void {
  const wire = candidate.citationMetadata as { citationSources?: unknown }
  const sources = wire.citationSources
  candidate.citationMetadata = (
    sources !== undefined && sources !== null ? { citations: sources } : {}
  ) as Candidate['citationMetadata']
}
