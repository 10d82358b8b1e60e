import { abortError, classifyUnknownError, type AbortCause } from '../errors/normalize-error'
import type { LlmError } from '../errors/llm-error'
import type { CallContext, ProviderPlugin, SdkLogger } from '../provider-plugin'
import type { CallOptions, Connection, ProviderId } from '../types'
import { rejectOnAbort } from './abortable-sleep'
import { DEFAULT_MAX_RETRIES, retryDelay, waitForRetry } from './retry-policy'
import { createSafeFetch } from './safe-fetch'
import { createSdkLogger } from './sdk-logger'
import type { ExchangeRecorder } from './exchange-recorder'

export const DEFAULT_IDLE_TIMEOUT_MS = 60_000
export const DEFAULT_COMPLETE_TIMEOUT_MS = 10 * 60_000

const safeFetch = createSafeFetch()

/** One attempt of a call: its own abort controller, idle timer and context for the plugin. */
export interface Attempt {
  /** 0 for the first attempt, 1 for the first retry … */
  index: number
  ctx: CallContext
  /** Rejects as soon as the attempt is aborted (by the caller, the deadline or the idle timer). */
  aborted: Promise<never>
  /** Runs `next` with the idle timer armed: no sign of life for idleTimeoutMs aborts the attempt. */
  watch<T>(next: Promise<T>): Promise<T>
  abort(): void
  dispose(): void
}

/**
 * The lifetime of one public call: the caller's signal, the whole-call deadline, the attempts
 * and the translation of anything thrown into an LlmError.
 */
export class CallScope {
  private readonly controller = new AbortController()
  private cause: AbortCause | undefined
  private readonly deadline: ReturnType<typeof setTimeout> | undefined
  private readonly onCallerAbort = (): void => this.stop('aborted')
  private attempts = 0
  readonly maxRetries: number
  readonly idleTimeoutMs: number
  private readonly log: SdkLogger

  constructor(
    readonly provider: ProviderId,
    private readonly plugin: ProviderPlugin,
    readonly connection: Connection,
    private readonly options: CallOptions,
    timeoutMs: number | undefined,
    /** Records the exchange of complete() and stream() (listModels records none). */
    readonly recorder?: ExchangeRecorder,
  ) {
    this.maxRetries = Math.max(0, Math.floor(options.maxRetries ?? DEFAULT_MAX_RETRIES))
    this.idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS
    this.log = createSdkLogger(options.logger, connection)
    if (options.signal?.aborted) this.stop('aborted')
    else options.signal?.addEventListener('abort', this.onCallerAbort, { once: true })
    this.deadline =
      timeoutMs && timeoutMs > 0 ? setTimeout(() => this.stop('timeout'), timeoutMs) : undefined
  }

  get signal(): AbortSignal {
    return this.controller.signal
  }

  private stop(cause: AbortCause): void {
    this.cause ??= cause
    this.controller.abort(abortError(this.provider, cause))
  }

  attempt(): Attempt {
    const index = this.attempts++
    notify(this.options.onAttempt, index)
    const recorder = this.recorder
    // Bedrock's SDK sends through its own HTTP handler (recorded by its middleware); its fetch
    // only downloads images, which are not part of the exchange.
    const sendsThroughFetch = this.provider !== 'bedrock'
    const controller = new AbortController()
    const { signal } = controller
    const idleMs = this.idleTimeoutMs
    // The first reason wins: aborting an aborted controller changes nothing.
    const abort = (why: AbortCause): void =>
      controller.abort(abortError(this.provider, why, idleMs))
    const onCall = (): void => abort(this.cause ?? 'aborted')
    if (this.signal.aborted) onCall()
    else this.signal.addEventListener('abort', onCall, { once: true })
    const aborted = rejectOnAbort(signal)

    // Streams call watch() once per chunk, so it must stay cheap: no timer per chunk and no
    // Promise.race (which would leave a reaction on a long-lived promise every time). One timer
    // per attempt checks how long the current wait has lasted.
    // The wait watch() is in: at most one at a time (a stream asks for one chunk at a time).
    let pendingResolve: ((value: unknown) => void) | undefined
    let pendingReject: ((reason: unknown) => void) | undefined
    let waiting = false
    let since = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    const settle = (): void => {
      waiting = false
      pendingResolve = undefined
      pendingReject = undefined
    }
    signal.addEventListener(
      'abort',
      () => {
        const reject = pendingReject
        settle()
        reject?.(signal.reason)
      },
      { once: true },
    )
    const check = (): void => {
      timer = undefined
      if (signal.aborted) return
      const quiet = waiting ? performance.now() - since : 0
      if (quiet >= idleMs) return abort('idle')
      timer = setTimeout(check, idleMs - quiet)
      timer.unref?.()
    }
    // Shared by every watch() rather than two new closures per chunk.
    const onValue = (value: unknown): void => {
      const resolve = pendingResolve
      settle()
      resolve?.(value)
    }
    const onFailure = (error: unknown): void => {
      const reject = pendingReject
      settle()
      reject?.(error)
    }

    return {
      index,
      ctx: {
        signal,
        fetch: recorder && sendsThroughFetch ? recorder.fetchFor(index, safeFetch) : safeFetch,
        ...(recorder ? { exchange: { begin: (sent) => recorder.begin(index, sent) } } : {}),
        log: this.log,
        touch: () => {
          if (waiting) since = performance.now()
        },
      },
      aborted: aborted.promise,
      watch(next) {
        if (signal.aborted) {
          next.catch(() => {})
          return Promise.reject(signal.reason)
        }
        waiting = true
        since = performance.now()
        if (timer === undefined) check()
        const watched = new Promise<never>((resolve, reject) => {
          pendingResolve = resolve as (value: unknown) => void
          pendingReject = reject
        })
        next.then(onValue, onFailure)
        return watched
      },
      abort: () => abort('aborted'),
      dispose: () => {
        if (timer !== undefined) clearTimeout(timer)
        timer = undefined
        aborted.dispose()
        this.signal.removeEventListener('abort', onCall)
      },
    }
  }

  /** Whatever an attempt threw, as an LlmError (not yet redacted). */
  toError(error: unknown, attempt: Attempt): LlmError {
    const reason: unknown = attempt.ctx.signal.aborted ? attempt.ctx.signal.reason : undefined
    if (reason !== undefined && isLlmErrorLike(reason)) return reason
    return (
      this.plugin.toError(error, this.connection as never) ??
      classifyUnknownError(error, this.provider)
    )
  }

  /** Waits before the next attempt, or returns false when the error must go to the caller. */
  async backOff(error: LlmError, attempt: number): Promise<boolean> {
    this.recorder?.failed(attempt, error.kind)
    const delay = this.signal.aborted ? undefined : retryDelay(error, attempt, this.maxRetries)
    if (delay === undefined) {
      this.recorder?.finished()
      return false
    }
    const next = { attempt: attempt + 1, reason: error.kind }
    const started = performance.now()
    try {
      await waitForRetry(delay, this.signal, next, this.options.onRetryWait)
    } finally {
      this.recorder?.waited(Math.round(performance.now() - started))
    }
    return true
  }

  /** Runs `run` with retries; for calls that produce one value (complete, listModels). */
  async retry<T>(run: (ctx: CallContext) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const current = this.attempt()
      try {
        return await Promise.race([run(current.ctx), current.aborted])
      } catch (thrown) {
        const error = this.toError(thrown, current)
        if (!(await this.backOff(error, attempt))) throw error
      } finally {
        current.dispose()
      }
    }
  }

  dispose(): void {
    if (this.deadline !== undefined) clearTimeout(this.deadline)
    this.options.signal?.removeEventListener('abort', this.onCallerAbort)
  }
}

/** Calls a caller's observer hook; what it throws cannot break the call. */
function notify<T>(hook: ((value: T) => void) | undefined, value: T): void {
  try {
    hook?.(value)
  } catch {
    // advisory only
  }
}

function isLlmErrorLike(value: unknown): value is LlmError {
  return value instanceof Error && value.name === 'LlmError'
}
