// @vitest-environment happy-dom
import { act, cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createFakeClient } from '../test-support/fake-client'
import { savedRun } from '../test-support/history-records'
import { renderWithApp } from '../test-support/render-with-app'
import type { Run } from './conversation-thread'
import { RunSlot } from './run-slot'

/* A run read back from history: queued when the page was reloaded, or done with its waits. */

afterEach(cleanup)

const saved: Run = savedRun({ id: 'r1', messageId: 'p1', status: 'queued' })

function setUp(run: Run, language: 'en' | 'ko' = 'en') {
  const client = createFakeClient({ 'runs.stop': () => ({ stopped: true }) })
  renderWithApp(<RunSlot run={run} />, client, { language })
  return client
}

describe('a queued run after a reload', () => {
  it('shows Queued without a number, its place once run.queued comes, then streams', async () => {
    const client = setUp(saved)
    const card = await screen.findByTestId('run-card')
    expect(card.dataset.status).toBe('queued')
    expect(screen.getByTestId('run-queued').textContent).toBe('Queued')
    expect(screen.getByTestId('stop-run')).toBeTruthy()

    // This window never saw run.started: the store takes the run from its first run.queued.
    act(() =>
      client.emit('run.queued', { runId: 'r1', conversationId: 'c1', status: 'queued', ahead: 2 }),
    )
    expect(screen.getByTestId('run-queued').textContent).toBe('Queued (2 ahead)')
    act(() =>
      client.emit('run.queued', {
        runId: 'r1',
        conversationId: 'c1',
        status: 'streaming',
        ahead: 0,
      }),
    )
    expect(card.dataset.status).toBe('streaming')
    expect(screen.queryByTestId('run-queued')).toBeNull()
  })

  it('says Queued in Korean', async () => {
    setUp(saved, 'ko')
    expect((await screen.findByTestId('run-queued')).textContent).toBe('대기 중')
  })

  it('shows the queue and retry waits of a finished run read from history', async () => {
    setUp({
      ...saved,
      status: 'done',
      answer: 'Hi',
      totalMs: 800,
      queueWaitMs: 2500,
      retryWaitMs: 1200,
    })
    const metrics = await screen.findByTestId('run-metrics')
    expect(metrics.querySelector('[data-metric="queue-wait"]')?.textContent).toBe('2.5 s')
    expect(metrics.querySelector('[data-metric="retry-wait"]')?.textContent).toBe('1.2 s')
  })
})
