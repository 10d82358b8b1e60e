import { describe, expect, it } from 'vitest'
import { LlmError, type LlmErrorKind } from '../../packages/llm/src/errors/llm-error'
import {
  MAX_RETRY_AFTER_MS,
  retryDelay,
  waitForRetry,
} from '../../packages/llm/src/internal/retry-policy'
import type { RetryWait } from '../../packages/llm/src/types'

const error = (kind: LlmErrorKind, extra: Partial<{ status: number; retryAfterMs: number }> = {}) =>
  new LlmError({ kind, provider: 'openai', message: kind, ...extra })

describe('retryDelay', () => {
  it('retries rate limits, overloads, server and network errors and 408s', () => {
    for (const kind of ['rate_limit', 'overloaded', 'server', 'network'] as const) {
      expect(retryDelay(error(kind), 0, 2)).toBeGreaterThan(0)
    }
    expect(retryDelay(error('timeout', { status: 408 }), 0, 2)).toBeGreaterThan(0)
  })

  it('never retries quota, auth, bad requests, aborts or idle timeouts', () => {
    for (const kind of [
      'quota',
      'auth',
      'permission',
      'invalid_request',
      'context_length',
      'not_found',
      'content_filter',
      'aborted',
      'timeout',
    ] as const) {
      expect(retryDelay(error(kind), 0, 2)).toBeUndefined()
    }
  })

  it('stops after maxRetries', () => {
    expect(retryDelay(error('server'), 2, 2)).toBeUndefined()
    expect(retryDelay(error('server'), 0, 0)).toBeUndefined()
  })

  it('honours retry-after up to 60 s and refuses to sleep longer', () => {
    expect(retryDelay(error('rate_limit', { retryAfterMs: 1500 }), 0, 2)).toBe(1500)
    expect(retryDelay(error('rate_limit', { retryAfterMs: MAX_RETRY_AFTER_MS }), 0, 2)).toBe(
      MAX_RETRY_AFTER_MS,
    )
    expect(
      retryDelay(error('rate_limit', { retryAfterMs: MAX_RETRY_AFTER_MS + 1 }), 0, 2),
    ).toBeUndefined()
  })

  it('backs off exponentially with jitter', () => {
    const low = () => 0
    const high = () => 1
    expect(retryDelay(error('server'), 0, 5, low)).toBe(250)
    expect(retryDelay(error('server'), 0, 5, high)).toBe(500)
    expect(retryDelay(error('server'), 2, 5, high)).toBe(2000)
    expect(retryDelay(error('server'), 10, 20, high)).toBe(8000)
  })
})

describe('waitForRetry', () => {
  const info = { attempt: 1, reason: 'rate_limit' as const }

  it('tells the caller about the wait and sleeps its whole length', async () => {
    const seen: RetryWait[] = []
    const started = performance.now()
    await waitForRetry(120, new AbortController().signal, info, (wait) => seen.push(wait))
    expect(performance.now() - started).toBeGreaterThanOrEqual(110)
    expect(seen).toHaveLength(1)
    expect(seen[0]).toMatchObject({ attempt: 1, delayMs: 120, reason: 'rate_limit' })
  })

  it('ends at once when the caller skips the wait', async () => {
    let wait: RetryWait | undefined
    const started = performance.now()
    const done = waitForRetry(5_000, new AbortController().signal, info, (w) => (wait = w))
    wait?.skip()
    await done
    expect(performance.now() - started).toBeLessThan(500)
    wait?.skip() // a second skip after the wait ended changes nothing
  })

  it('rejects with the abort reason when the call is stopped mid-wait', async () => {
    const controller = new AbortController()
    const done = waitForRetry(5_000, controller.signal, info)
    controller.abort(new Error('stopped'))
    await expect(done).rejects.toThrow('stopped')
  })

  it('keeps waiting when the hook throws', async () => {
    const started = performance.now()
    await waitForRetry(50, new AbortController().signal, info, () => {
      throw new Error('hook failed')
    })
    expect(performance.now() - started).toBeGreaterThanOrEqual(40)
  })
})
