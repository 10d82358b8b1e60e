// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { EventPayload } from '../../../shared/contract'
import { createFakeClient } from '../test-support/fake-client'
import { savedRun } from '../test-support/history-records'
import { renderWithApp } from '../test-support/render-with-app'
import type { Run } from './conversation-thread'
import { RunSlot } from './run-slot'

/* The run card while a run waits: in its connection's queue, or before a retry. */

afterEach(cleanup)

const saved: Run = savedRun({ id: 'r1', messageId: 'p1', status: 'streaming' })

const started = (ahead: number): EventPayload<'run.started'> => ({
  runId: 'r1',
  conversationId: 'c1',
  messageId: 'p1',
  groupId: null,
  connectionId: 'conn_openai',
  provider: 'openai',
  model: 'gpt-4.1',
  startedAt: Date.now(),
  status: 'queued',
  ahead,
})

function setUp(language: 'en' | 'ko' = 'en') {
  const client = createFakeClient({
    'runs.retryNow': () => ({ retried: true }),
    'runs.stop': () => ({ stopped: true }),
  })
  renderWithApp(<RunSlot run={saved} />, client, { language })
  const emit = <E extends 'run.started' | 'run.queued' | 'run.waiting' | 'run.done'>(
    event: E,
    payload: EventPayload<E>,
  ) => act(() => client.emit(event, payload))
  return { client, emit }
}

function done(error: { kind: string; message: string; retryAfterMs?: number }, endedAt: number) {
  return {
    runId: 'r1',
    conversationId: 'c1',
    messageId: 'p1',
    connectionId: 'conn_openai',
    provider: 'openai',
    model: 'gpt-4.1',
    status: 'error' as const,
    finishReason: null,
    error,
    usage: {
      tokensIn: null,
      tokensOut: null,
      tokensReasoning: null,
      tokensCached: null,
      estimated: false,
    },
    metrics: {
      ttftMs: null,
      totalMs: 40,
      tokensPerSecond: null,
      tokensPerSecondEstimated: false,
      queueWaitMs: 1500,
      retryWaitMs: 0,
    },
    cost: { usd: null, estimated: false, priceUnknown: false },
    toolCalls: [],
    endedAt,
  }
}

describe('a run card that waits', () => {
  it('shows its place in the queue as it moves, then streams', async () => {
    const { emit } = setUp()
    emit('run.started', started(3))
    const card = await screen.findByTestId('run-card')
    expect(card.dataset.status).toBe('queued')
    expect(screen.getByTestId('run-queued').textContent).toBe('Queued (3 ahead)')
    expect(screen.getByTestId('stop-run')).toBeTruthy() // a queued run can be stopped
    emit('run.queued', { runId: 'r1', conversationId: 'c1', status: 'queued', ahead: 0 })
    expect(screen.getByTestId('run-queued').textContent).toBe('Queued (next)')
    emit('run.queued', { runId: 'r1', conversationId: 'c1', status: 'streaming', ahead: 0 })
    expect(card.dataset.status).toBe('streaming')
    expect(screen.queryByTestId('run-queued')).toBeNull()
  })

  it('says it in Korean', async () => {
    const { emit } = setUp('ko')
    emit('run.started', started(2))
    expect((await screen.findByTestId('run-queued')).textContent).toBe('대기 중(앞에 2개)')
  })

  it('counts down a retry wait, and Retry now asks the host and drops the countdown', async () => {
    const { client, emit } = setUp()
    emit('run.started', { ...started(0), status: 'streaming' })
    emit('run.waiting', {
      runId: 'r1',
      conversationId: 'c1',
      reason: 'rate_limited',
      retryAt: Date.now() + 5000,
      attempt: 1,
    })
    const wait = await screen.findByTestId('run-wait')
    expect(wait.textContent).toContain('Rate limited by the provider.')
    expect(screen.getByTestId('run-wait-countdown').textContent).toBe('Retry 1 in 5 s.')
    await act(() => new Promise((resolve) => setTimeout(resolve, 1300)))
    expect(screen.getByTestId('run-wait-countdown').textContent).toBe('Retry 1 in 4 s.')
    fireEvent.click(screen.getByTestId('retry-now'))
    expect(client.callsTo('runs.retryNow')).toEqual([{ runId: 'r1' }])
    expect(screen.queryByTestId('run-wait')).toBeNull()
  })

  it('Cancel stops the run', async () => {
    const { client, emit } = setUp()
    emit('run.started', { ...started(0), status: 'streaming' })
    emit('run.waiting', {
      runId: 'r1',
      conversationId: 'c1',
      reason: 'overloaded',
      retryAt: Date.now() + 8000,
      attempt: 2,
    })
    fireEvent.click(await screen.findByTestId('cancel-wait'))
    expect(client.callsTo('runs.stop')).toEqual([{ runId: 'r1' }])
  })

  it('says how long a provider asks to wait beyond the cap, and when to retry', async () => {
    const { emit } = setUp()
    emit('run.started', { ...started(0), status: 'streaming' })
    const endedAt = new Date(2026, 11, 3, 13, 5).getTime()
    emit('run.done', done({ kind: 'rate_limit', message: '429', retryAfterMs: 3_600_000 }, endedAt))
    const advice = (await screen.findByTestId('run-error')).textContent ?? ''
    expect(advice).toContain('The provider asks to wait 60 min. Retry at')
    expect(advice).toMatch(/\b2:05\b/)
    // The queue wait is shown on its own, apart from the total time.
    expect(
      screen.getByTestId('run-metrics').querySelector('[data-metric="queue-wait"]')?.textContent,
    ).toBe('1.5 s')
  })

  it('leaves out a wait of a few milliseconds, which is scheduling, not a queue', async () => {
    const { emit } = setUp()
    emit('run.started', { ...started(0), status: 'streaming' })
    const finished = done({ kind: 'server', message: '500' }, Date.now())
    emit('run.done', { ...finished, metrics: { ...finished.metrics, queueWaitMs: 3 } })
    await screen.findByTestId('run-metrics')
    const metrics = screen.getByTestId('run-metrics')
    expect(metrics.querySelector('[data-metric="total"]')).not.toBeNull()
    expect(metrics.querySelector('[data-metric="queue-wait"]')).toBeNull()
  })
})
