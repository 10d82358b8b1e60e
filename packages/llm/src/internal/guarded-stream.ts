import { LlmError } from '../errors/llm-error'
import { classifyUnknownError, sanitizeError } from '../errors/normalize-error'
import type { ProviderPlugin } from '../provider-plugin'
import type {
  CallOptions,
  ChatCompletionChunk,
  ChatRequest,
  Connection,
  ProviderId,
} from '../types'
import { CallScope, type Attempt } from './call-scope'

type Result = IteratorResult<ChatCompletionChunk, undefined>

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
  private iterator: AsyncIterator<ChatCompletionChunk> | undefined
  private state: 'new' | 'streaming' | 'closed' = 'new'

  constructor(
    private readonly provider: ProviderId,
    private readonly load: () => Promise<ProviderPlugin>,
    private readonly request: ChatRequest,
    private readonly connection: Connection,
    private readonly options: CallOptions,
  ) {}

  next(): Promise<Result> {
    if (this.state === 'streaming') {
      const attempt = this.attempt as Attempt
      const iterator = this.iterator as AsyncIterator<ChatCompletionChunk>
      return attempt.watch(iterator.next()).then(this.onResult, this.onError)
    }
    if (this.state === 'closed') return Promise.resolve(DONE)
    return this.start()
  }

  return(): Promise<Result> {
    this.close(false)
    return Promise.resolve(DONE)
  }

  private readonly onResult = (result: IteratorResult<ChatCompletionChunk>): Result => {
    if (!result.done) return result
    this.close(true)
    return DONE
  }

  private readonly onError = (thrown: unknown): never => {
    const scope = this.scope as CallScope
    const error =
      thrown instanceof LlmError ? thrown : scope.toError(thrown, this.attempt as Attempt)
    this.close(false)
    throw this.finalize(error)
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
      )
      this.scope = scope
      for (let attempt = 0; ; attempt++) {
        const current = scope.attempt()
        let iterator: AsyncIterator<ChatCompletionChunk> | undefined
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
    return sanitizeError(
      error instanceof LlmError ? error : classifyUnknownError(error, this.provider),
      this.connection,
    )
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
