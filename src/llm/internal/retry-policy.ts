import type { LlmError } from '../errors/llm-error'

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
