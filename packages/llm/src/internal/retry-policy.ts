import type { LlmError, LlmErrorKind } from '../errors/llm-error'
import type { RetryWait } from '../types'

export const DEFAULT_MAX_RETRIES = 2
/** A provider asking for a longer wait gets the error back instead of a sleeping call. */
export const MAX_RETRY_AFTER_MS = 60_000
const BASE_DELAY_MS = 500
const MAX_BACKOFF_MS = 8_000

/**
 * How long to wait before retry number `attempt` (0-based), or undefined when the error must be
 * returned instead (not retryable, no retries left, or the provider asked for more than 60 s).
 */
export function retryDelay(
  error: LlmError,
  attempt: number,
  maxRetries: number,
  random: () => number = Math.random,
): number | undefined {
  if (attempt >= maxRetries || !error.retryable) return undefined
  if (error.retryAfterMs !== undefined) {
    return error.retryAfterMs > MAX_RETRY_AFTER_MS ? undefined : Math.max(0, error.retryAfterMs)
  }
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** attempt)
  // "Equal jitter": at least half the ceiling, so retries neither stampede nor come too soon.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}

/**
 * Sleeps `delayMs` before a retry, or less when the caller's `skip` is called; rejects with the
 * signal's reason as soon as it aborts. A throwing `onWait` cannot break the call.
 */
export function waitForRetry(
  delayMs: number,
  signal: AbortSignal,
  info: { attempt: number; reason: LlmErrorKind },
  onWait?: (wait: RetryWait) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    let settled = false
    const finish = (): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      signal.removeEventListener('abort', onAbort)
      resolve()
    }
    const onAbort = (): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      reject(signal.reason)
    }
    const timer = setTimeout(finish, delayMs)
    signal.addEventListener('abort', onAbort, { once: true })
    try {
      onWait?.({ ...info, delayMs, skip: finish })
    } catch {
      // The caller's hook is advisory: the wait goes on without it.
    }
  })
}
