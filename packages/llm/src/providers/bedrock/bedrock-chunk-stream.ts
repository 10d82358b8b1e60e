import { ConverseStreamCommand, type BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime'
import { takeAwsEventStream, type AwsEventStream } from '../../internal/aws-exchange-middleware'
import { refuseNonAnswers } from './refuse-non-answers'
import { EventStreamDecoder, type EventStreamMessage } from '../../internal/event-stream-decoder'
import { STREAM_EVENT_LIMITS } from '../../internal/stream-event-limit'
import type { CallContext } from '../../provider-plugin'
import type { BedrockConnection, ChatCompletionChunk, ChatRequest } from '../../types'
import { createRuntimeClient } from './bedrock-client'
import { convertBedrockRequest } from './convert-bedrock-request'
import { BedrockStreamMapper } from './map-bedrock-stream'

type Result = IteratorResult<ChatCompletionChunk, undefined>

const DONE: Result = { done: true, value: undefined }

/**
 * One ConverseStream call. The AWS SDK signs and sends the request over its HTTP/2 handler and
 * raises its own errors for any answer but a 200; the 200's event-stream body is taken from it
 * (see takeAwsEventStream) and decoded here: each read is split into frames at once (CRCs
 * checked, payload decoded once, recorded as the exchange's events), and the frames are mapped
 * to chunks as the consumer pulls. A hand-written iterator rather than async generators: it is
 * on the path of every chunk, and most chunks come from bytes already read, with no await.
 */
export class BedrockChunkStream implements AsyncIterator<ChatCompletionChunk, undefined> {
  private client: BedrockRuntimeClient | undefined
  private source: AwsEventStream | undefined
  private reader: AsyncIterator<Uint8Array> | undefined
  private mapper: BedrockStreamMapper | undefined
  private readonly decoder = new EventStreamDecoder('bedrock', STREAM_EVENT_LIMITS.eventStreamFrame)
  /** Frames decoded from the bytes read so far; `head` is the next one to map. */
  private frames: EventStreamMessage[] = []
  private head = 0
  /** What broke the stream after the frames before it (a bad frame, bytes ending mid-frame). */
  private failure: Error | undefined
  private ended = false
  private state: 'new' | 'open' | 'done' = 'new'

  constructor(
    private readonly request: ChatRequest,
    private readonly connection: BedrockConnection,
    private readonly ctx: CallContext,
  ) {}

  [Symbol.asyncIterator](): this {
    return this
  }

  next(): Promise<Result> {
    if (this.state === 'open') return this.step()
    if (this.state === 'done') return Promise.resolve(DONE)
    this.state = 'open'
    return this.open().then(this.step, this.fail)
  }

  return(): Promise<Result> {
    this.close()
    return Promise.resolve(DONE)
  }

  private async open(): Promise<void> {
    const { ctx } = this
    const input = await convertBedrockRequest(this.request, ctx.fetch, ctx.signal)
    const client = createRuntimeClient(this.connection, ctx.log)
    this.client = client
    takeAwsEventStream(client, ctx, (source) => {
      this.source = source
    })
    refuseNonAnswers(client, 'converse-stream')
    const output = await client.send(new ConverseStreamCommand(input), {
      abortSignal: ctx.signal,
    })
    const source = this.source
    if (!source) throw new Error('Bedrock answered ConverseStream without a stream')
    if (this.state !== 'open') return
    this.mapper = new BedrockStreamMapper(this.request.model, output.$metadata.requestId)
    this.reader = source.body[Symbol.asyncIterator]()
    ctx.signal.addEventListener('abort', this.onAbort, { once: true })
    if (ctx.signal.aborted) this.onAbort()
  }

  /** The next chunk: from frames already decoded when there is one, else after the next read. */
  private readonly step = (): Promise<Result> => {
    if (this.state !== 'open') return Promise.resolve(DONE)
    const mapper = this.mapper as BedrockStreamMapper
    try {
      const queued = mapper.queued
      if (queued) {
        mapper.queued = undefined
        return Promise.resolve({ done: false, value: queued })
      }
      const frames = this.frames
      while (this.head < frames.length) {
        const chunk = mapper.map(frames[this.head++] as EventStreamMessage)
        if (chunk) return Promise.resolve({ done: false, value: chunk })
      }
      if (this.failure) throw this.failure
      if (this.ended) {
        const last = mapper.finish()
        this.close()
        return Promise.resolve({ done: false, value: last })
      }
      this.frames = []
      this.head = 0
      return (this.reader as AsyncIterator<Uint8Array>).next().then(this.onRead, this.fail)
    } catch (error) {
      return this.fail(error)
    }
  }

  private readonly onRead = (read: IteratorResult<Uint8Array>): Promise<Result> => {
    if (this.state !== 'open') return this.fail(new Error('The Bedrock stream was closed'))
    const tap = (this.source as AwsEventStream).tap
    if (read.done) {
      this.ended = true
      this.failure = this.decoder.end()
      tap?.end()
      return this.step()
    }
    const bytes = read.value
    this.ctx.touch()
    const frames = this.frames
    const before = frames.length
    this.failure = this.decoder.push(bytes, frames)
    if (tap) {
      tap.chunk(bytes)
      for (let i = before; i < frames.length; i++) {
        const frame = frames[i] as EventStreamMessage
        tap.event(frame.eventType ?? frame.exceptionType ?? frame.messageType ?? '', frame.payload)
      }
    }
    return this.step()
  }

  private readonly fail = (error: unknown): Promise<Result> => {
    const { signal } = this.ctx
    this.close()
    return Promise.reject(signal.aborted ? abortError(signal) : error)
  }

  private readonly onAbort = (): void => {
    this.close()
  }

  private close(): void {
    if (this.state === 'done') return
    this.state = 'done'
    this.ctx.signal.removeEventListener('abort', this.onAbort)
    this.source?.body.destroy?.()
    this.client?.destroy()
  }
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason instanceof Error
    ? signal.reason
    : new DOMException('The operation was aborted.', 'AbortError')
}
