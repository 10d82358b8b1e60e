// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react'
import { Profiler, type ReactNode } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import type { EventPayload } from '../../../shared/contract'
import { ConversationScreen } from '../chat/conversation-screen'
import type { ConversationDetail } from '../chat/conversation-thread'
import { HistorySidebar } from '../history/history-sidebar'
import { ModelPicker } from '../models/model-picker'
import { SettingsScreen } from '../settings/settings-screen'
import { createFakeClient } from '../test-support/fake-client'
import { conversation, savedRun } from '../test-support/history-records'
import { CONNECTIONS, modelList } from '../test-support/models-host'
import { renderWithApp } from '../test-support/render-with-app'

/*
 * A streaming comparison next to the sidebar, a model picker and settings, each in a React
 * Profiler that counts its commits: what streams must not re-render what does not show it.
 */

afterEach(cleanup)

const RUNS = ['r1', 'r2', 'r3'] as const
const MODELS = ['gpt-4.1', 'gpt-4.1-mini', 'o4-mini'] as const
const DELTAS_PER_RUN = 40

function setUp() {
  const detail: ConversationDetail = {
    conversation: { ...conversation({ id: 'c1', updatedAt: 1000 }), mode: 'compare' },
    messages: [
      {
        id: 'm1',
        conversationId: 'c1',
        parentId: null,
        parentRunId: null,
        role: 'user',
        content: 'Explain WAL mode.',
        attachments: [],
        createdAt: 1000,
      },
    ],
    runs: RUNS.map((id, i) => savedRun({ id, model: MODELS[i], status: 'streaming' })),
  }
  const client = createFakeClient({
    'connections.list': () => ({ connections: CONNECTIONS.slice(0, 1) }),
    'models.list': ({ connectionId }) => modelList(connectionId),
    'history.get': () => structuredClone(detail),
    'history.list': () => ({
      items: [conversation({ id: 'c1', updatedAt: 1000, mode: 'compare' })],
      nextCursor: null,
    }),
  })
  const commits = { sidebar: 0, picker: 0, settings: 0 }
  const counted = (id: keyof typeof commits, children: ReactNode) => (
    <Profiler id={id} onRender={() => void commits[id]++}>
      {children}
    </Profiler>
  )
  renderWithApp(
    <>
      {counted('sidebar', <HistorySidebar />)}
      {counted('picker', <ModelPicker value={null} onChange={() => undefined} />)}
      {counted('settings', <SettingsScreen />)}
      <ConversationScreen conversationId="c1" mode={null} />
    </>,
    client,
  )
  return { client, commits }
}

const started = (runId: string, model: string): EventPayload<'run.started'> => ({
  runId,
  conversationId: 'c1',
  messageId: 'm1',
  groupId: 'm1',
  connectionId: 'conn_openai',
  provider: 'openai',
  model,
  startedAt: 2000,
  status: 'streaming',
  ahead: 0,
})

const done = (runId: string, model: string): EventPayload<'run.done'> => ({
  runId,
  conversationId: 'c1',
  messageId: 'm1',
  connectionId: 'conn_openai',
  provider: 'openai',
  model,
  status: 'done',
  finishReason: 'stop',
  error: null,
  usage: {
    tokensIn: 10,
    tokensOut: 40,
    tokensReasoning: null,
    tokensCached: null,
    estimated: false,
  },
  metrics: {
    ttftMs: 100,
    totalMs: 2000,
    tokensPerSecond: 20,
    tokensPerSecondEstimated: false,
  },
  cost: { usd: 0.001, estimated: false, priceUnknown: false },
  toolCalls: [],
  endedAt: 4000,
})

/** Lets pending answers (history.list after a change, …) arrive and render. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)))

describe('a streaming comparison re-renders only what shows it', () => {
  it('leaves the sidebar, the model picker and settings alone while it streams', async () => {
    const { client, commits } = setUp()
    await screen.findByText('Explain WAL mode.')
    await screen.findByRole('heading', { name: 'Settings' })
    await screen.findByTestId('model-picker')
    await settle()
    const atRest = { ...commits }

    act(() => RUNS.forEach((id, i) => client.emit('run.started', started(id, MODELS[i] ?? ''))))
    await waitFor(() => expect(client.callsTo('history.list').length).toBeGreaterThan(1))
    await settle()
    const afterStart = { ...commits }

    for (let seq = 1; seq <= DELTAS_PER_RUN; seq++) {
      act(() =>
        RUNS.forEach((runId) =>
          client.emit('run.delta', {
            runId,
            conversationId: 'c1',
            seq,
            answer: `w${seq} `,
            reasoning: '',
          }),
        ),
      )
    }
    const cards = () => screen.getAllByTestId('run-card')
    await waitFor(() =>
      expect(within(cards()[0] as HTMLElement).getByTestId('run-answer').textContent).toContain(
        `w${DELTAS_PER_RUN}`,
      ),
    )
    await settle()
    // While it streams, nothing outside the comparison renders at all.
    expect(commits).toEqual(afterStart)

    act(() => RUNS.forEach((id, i) => client.emit('run.done', done(id, MODELS[i] ?? ''))))
    await settle()

    // Across the whole comparison the picker and settings never rendered again; the sidebar only
    // to show the history list the host answered after the runs started and ended.
    expect(commits.picker).toBe(atRest.picker)
    expect(commits.settings).toBe(atRest.settings)
    expect(commits.sidebar - atRest.sidebar).toBeLessThanOrEqual(4)
  })
})
