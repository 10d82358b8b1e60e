import { LlmError, withExchange } from '../errors/llm-error'
import { classifyUnknownError, sanitizeError } from '../errors/normalize-error'
import type { ProviderPlugin } from '../provider-plugin'
import type {
  CallOptions,
  CallWarning,
  ChatCompletionChunk,
  ChatRequest,
  Connection,
  ProviderId,
} from '../types'
import { CallScope, type Attempt } from './call-scope'
import type { ExchangeRecorder } from './exchange-recorder'

/** What the stream adds after the provider's last chunk. */
export interface StreamTrailer {
  /** Fields left out under `unsupported: 'drop'`. */
  warnings: CallWarning[]
  /** The call's exchange recorder, whose exchange the last chunk carries. */
  recorder?: ExchangeRecorder
}

type Result = IteratorResult<ChatCompletionChunk, undefined>

/**
 * A provider's chunk iterator that can also hand out a chunk it already holds (decoded from a
 * network read that carried several events) without a promise: `take()` returns it, or
 * undefined when `next()` must be awaited (to read on, to end, or to raise an error). The
 * stream asks `take()` first, so such a chunk costs no promise, no watch and no timer.
 */
export interface ChunkIterator extends AsyncIterator<ChatCompletionChunk> {
  take?(): ChatCompletionChunk | undefined
}

const DONE: Result = { done: true, value: undefined }

/**
 * One provider stream with the library's guarantees: retries only before the first chunk, the
 * idle timeout and abort on every chunk, redacted errors, and the provider's connection closed
 * when the consumer stops early. A hand-written iterator rather than an async generator: it is
 * on the path of every chunk, and a generator hop costs more than one promise.
 */
export class GuardedStream implements AsyncIterator<ChatCompletionChunk, undefined> {
  private scope: CallScope | undefined
  private attempt: Attempt | undefined
  private iterator: ChunkIterator | undefined
  private state: 'new' | 'streaming' | 'closed' = 'new'
  /** The provider's last chunk so far, for a trailing chunk. */
  private last: ChatCompletionChunk | undefined
  /**
   * A chunk with usage, held until the next one shows whether it is the last (then it carries
   * the warnings and the exchange). Content chunks are never held.
   */
  private held: ChatCompletionChunk | undefined
  /** A chunk that arrived while one was held, handed out on the next call. */
  private queued: ChatCompletionChunk | undefined
  /** An error that arrived while a chunk was held: raised after it. */
  private failure: LlmError | undefined

  constructor(
    private readonly provider: ProviderId,
    private readonly load: () => Promise<ProviderPlugin>,
    private readonly request: ChatRequest,
    private readonly connection: Connection,
    private readonly options: CallOptions,
    private readonly trailer: StreamTrailer = { warnings: [] },
  ) {}

  next(): Promise<Result> {
    if (this.queued) {
      const value = this.queued
      this.queued = undefined
      return Promise.resolve({ done: false, value })
    }
    if (this.failure) {
      const failure = this.failure
      this.failure = undefined
      return Promise.reject(failure)
    }
    if (this.state === 'streaming') return this.pull()
    if (this.state === 'closed') return Promise.resolve(DONE)
    return this.start()
  }

  private pull(): Promise<Result> {
    const attempt = this.attempt as Attempt
    const iterator = this.iterator as ChunkIterator
    // A chunk already there: no wait to watch (an aborted attempt still goes through watch).
    if (iterator.take !== undefined && !attempt.ctx.signal.aborted) {
      const value = iterator.take()
      if (value !== undefined) return Promise.resolve(this.onResult({ done: false, value }))
    }
    return attempt.watch(iterator.next()).then(this.onResult, this.onError)
  }

  private get hasTrailer(): boolean {
    return this.trailer.warnings.length > 0 || this.trailer.recorder !== undefined
  }

  return(): Promise<Result> {
    this.held = this.queued = this.failure = undefined
    this.close(false)
    return Promise.resolve(DONE)
  }

  private readonly onResult = (
    result: IteratorResult<ChatCompletionChunk>,
  ): Result | Promise<Result> => {
    if (result.done) {
      this.close(true)
      return this.lastChunk()
    }
    const chunk = result.value
    this.last = chunk
    const held = this.held
    if (held) {
      this.held = chunk.usage ? chunk : undefined
      if (!chunk.usage) this.queued = chunk
      return { done: false, value: held }
    }
    if (chunk.usage && this.hasTrailer) {
      this.held = chunk
      return this.pull()
    }
    return result
  }

  /**
   * The chunk with usage held back, now known to be the last, with the dropped fields' warnings
   * and the exchange; or, when none was held, one more chunk with no choices carrying them.
   */
  private lastChunk(): Result {
    const { warnings, recorder } = this.trailer
    const extra = {
      ...(warnings.length ? { warnings } : {}),
      ...(recorder?.reachedNetwork ? { response: recorder.exchange() } : {}),
    }
    const held = this.held
    this.held = undefined
    if (held) return { done: false, value: { ...held, ...extra } }
    if (Object.keys(extra).length === 0) return DONE
    const last = this.last
    return {
      done: false,
      value: {
        id: last?.id ?? '',
        object: 'chat.completion.chunk',
        created: last?.created ?? Math.floor(Date.now() / 1000),
        model: last?.model ?? '',
        choices: [],
        ...extra,
      },
    }
  }

  private readonly onError = (thrown: unknown): Result => {
    const scope = this.scope as CallScope
    const error =
      thrown instanceof LlmError ? thrown : scope.toError(thrown, this.attempt as Attempt)
    scope.recorder?.failed((this.attempt as Attempt).index, error.kind)
    scope.recorder?.finished()
    this.close(false)
    const failure = this.finalize(error)
    const held = this.held
    if (!held) throw failure
    this.held = undefined
    this.failure = failure
    return { done: false, value: held }
  }

  private async start(): Promise<Result> {
    this.state = 'streaming'
    try {
      const plugin = await this.load()
      const scope = new CallScope(
        this.provider,
        plugin,
        this.connection,
        this.options,
        this.options.timeoutMs,
        this.trailer.recorder,
      )
      this.scope = scope
      for (let attempt = 0; ; attempt++) {
        const current = scope.attempt()
        let iterator: ChunkIterator | undefined
        try {
          iterator = plugin
            .stream(this.request, this.connection as never, current.ctx)
            [Symbol.asyncIterator]()
          const first = await current.watch(iterator.next())
          this.attempt = current
          this.iterator = iterator
          return this.onResult(first)
        } catch (thrown) {
          const error = scope.toError(thrown, current)
          current.abort()
          void iterator?.return?.()?.catch(() => {})
          current.dispose()
          // Nothing was yielded yet, so this is still safe to retry.
          if (await scope.backOff(error, attempt)) continue
          throw error
        }
      }
    } catch (error) {
      this.close(false)
      throw this.finalize(error)
    }
  }

  private finalize(error: unknown): LlmError {
    const sanitized = sanitizeError(
      error instanceof LlmError ? error : classifyUnknownError(error, this.provider),
      this.connection,
    )
    const recorder = this.trailer.recorder
    return recorder?.reachedNetwork ? withExchange(sanitized, recorder.exchange()) : sanitized
  }

  private close(finished: boolean): void {
    if (this.state === 'closed') return
    this.state = 'closed'
    if (!finished) {
      this.attempt?.abort()
      void this.iterator?.return?.()?.catch(() => {})
    }
    this.attempt?.dispose()
    this.scope?.dispose()
  }
}
