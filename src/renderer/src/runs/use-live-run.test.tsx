// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createFakeClient } from '../test-support/fake-client'
import { renderWithApp } from '../test-support/render-with-app'
import { useLiveRun } from './live-run-context'

afterEach(() => {
  cleanup()
  delete (globalThis as { __parallaxBench?: unknown }).__parallaxBench
})

function Answer({ runId }: { runId: string }) {
  const live = useLiveRun(runId)
  return (
    <p data-testid="answer" data-done={live?.done ? 'yes' : 'no'}>
      {live?.answer ?? ''}
    </p>
  )
}

describe('useLiveRun', () => {
  it('renders streamed text and tells the store each showing reached the screen', async () => {
    // The benchmark's probe records a showing only once the screen has committed it.
    const probe = { flushes: [] as { at: number; ms: number }[] }
    ;(globalThis as { __parallaxBench?: unknown }).__parallaxBench = probe
    const client = createFakeClient()
    renderWithApp(<Answer runId="r1" />, client)
    const base = { runId: 'r1', conversationId: 'c1' }
    act(() => client.emit('run.started', { ...base, messageId: 'm1', startedAt: 1 } as never))
    const delta = (answer: string, seq: number) =>
      act(() => client.emit('run.delta', { ...base, seq, answer, reasoning: '' }))

    delta('Hello', 1)
    await waitFor(() => expect(screen.getByTestId('answer').textContent).toBe('Hello'))
    await waitFor(() => expect(probe.flushes).toHaveLength(1))
    delta(', world', 2)
    await waitFor(() => expect(screen.getByTestId('answer').textContent).toBe('Hello, world'))
    await waitFor(() => expect(probe.flushes).toHaveLength(2))
    // Each showing was committed well before the store would stop waiting for the screen.
    for (const flush of probe.flushes) expect(flush.ms).toBeLessThan(400)

    act(() => client.emit('run.done', { ...base, messageId: 'm1', status: 'done' } as never))
    expect(screen.getByTestId('answer').dataset.done).toBe('yes')
  })
})
