// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { useAppState } from '../app/app-context'
import { reportEventsMissed } from '../host/events-missed'
import { createFakeClient } from '../test-support/fake-client'
import { savedRun } from '../test-support/history-records'
import { renderWithApp } from '../test-support/render-with-app'
import { useConversation } from './use-conversation'

/* When host events were lost (replay_gap), the open conversation and the history list re-read. */

afterEach(cleanup)

function Probe() {
  const { load } = useConversation('c1')
  const historyVersion = useAppState((app) => app.historyVersion)
  const runs = load?.status === 'ready' ? load.detail.runs.length : -1
  return <p data-testid="probe">{`runs=${runs} version=${historyVersion}`}</p>
}

describe('events missed', () => {
  it('reloads the open conversation and bumps the history version', async () => {
    let runs = 0
    const client = createFakeClient({
      'history.get': () => ({
        conversation: {
          id: 'c1',
          title: 't',
          createdAt: 1,
          updatedAt: 1,
          pinned: false,
          archived: false,
          mode: 'chat',
          tags: [],
        },
        messages: [],
        runs: Array.from({ length: runs }, (_, n) => savedRun({ id: `r${n}` })),
      }),
    })
    renderWithApp(<Probe />, client)
    await waitFor(() => expect(screen.getByTestId('probe').textContent).toBe('runs=0 version=0'))
    runs = 2 // saved meanwhile; its run.started was among the lost events
    reportEventsMissed(client)
    await waitFor(() => expect(screen.getByTestId('probe').textContent).toBe('runs=2 version=1'))
    expect(client.callsTo('history.get')).toEqual([{ id: 'c1' }, { id: 'c1' }])
  })
})
