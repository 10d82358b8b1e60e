// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MethodInput } from '../../../shared/contract'
import { createFakeClient } from '../test-support/fake-client'
import { CONNECTIONS, modelList } from '../test-support/models-host'
import { savedRun } from '../test-support/history-records'
import { renderWithApp } from '../test-support/render-with-app'
import { ConversationScreen } from './conversation-screen'
import type { ConversationDetail, Message, Run } from './conversation-thread'

/* A chat asking for n answers: n runs of one prompt stream at once and flip like regenerations. */

afterEach(cleanup)
beforeEach(() => window.localStorage.clear())

const message = (
  id: string,
  content: string,
  parentId: string | null,
  parentRunId: string | null,
) =>
  ({
    id,
    conversationId: 'c1',
    parentId,
    parentRunId,
    role: 'user',
    content,
    attachments: [],
    createdAt: 1000,
  }) satisfies Message

function run(
  id: string,
  messageId: string,
  status: Run['status'],
  answer: string,
  at: number,
): Run {
  return savedRun({ id, messageId, status, answer, createdAt: at, updatedAt: at })
}

function setUp() {
  const detail: ConversationDetail = {
    conversation: {
      id: 'c1',
      title: 'Letters',
      createdAt: 1000,
      updatedAt: 1000,
      pinned: false,
      archived: false,
      mode: 'chat',
      tags: [],
    },
    messages: [message('p0', 'Earlier question', null, null)],
    runs: [run('r0', 'p0', 'done', 'Earlier answer', 1001)],
  }
  // The host's ids are time-ordered with a random tail: answer 1 need not have the smallest id.
  const ids = ['run-c', 'run-a', 'run-b']
  const client = createFakeClient({
    'connections.list': () => ({ connections: CONNECTIONS.slice(0, 1) }),
    'models.list': ({ connectionId }) => modelList(connectionId),
    'history.get': () => structuredClone(detail),
    'runs.startChat': (input) => {
      detail.messages.push(message('p1', input.prompt, 'p0', input.parentRunId ?? null))
      for (const id of ids) detail.runs.push(run(id, 'p1', 'streaming', '', 2000))
      return { conversationId: 'c1', messageId: 'p1', runId: 'run-c', runIds: ids }
    },
    'compare.stop': () => ({ stopped: 3 }),
  })
  renderWithApp(<ConversationScreen conversationId="c1" mode={null} />, client)
  const delta = (runId: string, answer: string, seq: number) =>
    act(() => client.emit('run.delta', { runId, conversationId: 'c1', seq, answer, reasoning: '' }))
  return { client, ids, delta }
}

describe('n answers in a chat', () => {
  it('sends n, then shows the answers streaming at once as siblings to flip through', async () => {
    const { client, ids, delta } = setUp()
    await screen.findByText('Earlier answer')

    fireEvent.click(screen.getByTestId('toggle-parameters'))
    const answers = await screen.findByTestId('param-n')
    fireEvent.change(within(answers).getByRole('spinbutton', { name: 'Answers (n)' }), {
      target: { value: '3' },
    })
    fireEvent.change(screen.getByTestId('prompt-input'), { target: { value: 'Name a letter' } })
    // gpt-4.1 has a price: the estimate bills the prompt once per answer.
    await waitFor(() =>
      expect(screen.getByTestId('prompt-estimate').textContent).toMatch(/ for 3 answers$/),
    )
    fireEvent.click(screen.getByTestId('send'))
    await waitFor(() => expect(client.callsTo('runs.startChat')).toHaveLength(1))
    const sent = client.callsTo('runs.startChat')[0] as MethodInput<'runs.startChat'>
    expect(sent).toMatchObject({
      conversationId: 'c1',
      model: 'gpt-4.1',
      parameters: { n: 3 },
      parentMessageId: 'p0',
      parentRunId: 'r0',
    })

    for (const runId of ids) {
      act(() =>
        client.emit('run.started', {
          runId,
          conversationId: 'c1',
          messageId: 'p1',
          groupId: null,
          connectionId: 'conn_openai',
          provider: 'openai',
          model: 'gpt-4.1',
          startedAt: 2000,
          status: 'streaming',
          ahead: 0,
        }),
      )
    }
    delta('run-c', 'Alpha', 1)
    delta('run-a', 'Beta', 1)
    delta('run-b', 'Gamma', 1)

    // Flipping shows another run's card, with its own flipper.
    await screen.findByRole('group', { name: 'Answers to this prompt' })
    const flipper = () => screen.getByRole('group', { name: 'Answers to this prompt' })
    expect(within(flipper()).getByTestId('sibling-position').textContent).toBe('1 / 3')
    const card = () => screen.getAllByTestId('run-card').at(-1) as HTMLElement
    await waitFor(() => expect(within(card()).getByTestId('run-answer').textContent).toBe('Alpha'))
    expect(card().getAttribute('data-run-id')).toBe('run-c')
    expect(card().getAttribute('data-status')).toBe('streaming')

    fireEvent.click(within(flipper()).getByRole('button', { name: 'Next version' }))
    expect(within(flipper()).getByTestId('sibling-position').textContent).toBe('2 / 3')
    expect(card().getAttribute('data-run-id')).toBe('run-a')
    expect(within(card()).getByTestId('run-answer').textContent).toBe('Beta')
    // The answer shown keeps streaming its own text; the others' text does not leak in.
    delta('run-a', ' and more', 2)
    delta('run-b', ' too', 2)
    await waitFor(() =>
      expect(within(card()).getByTestId('run-answer').textContent).toBe('Beta and more'),
    )
    fireEvent.click(within(flipper()).getByRole('button', { name: 'Next version' }))
    expect(within(flipper()).getByTestId('sibling-position').textContent).toBe('3 / 3')
    expect(within(card()).getByTestId('run-answer').textContent).toBe('Gamma too')

    // Stop in the prompt box stops every answer of the conversation at once.
    fireEvent.click(screen.getByTestId('stop-all'))
    await waitFor(() => expect(client.callsTo('compare.stop')).toEqual([{ id: 'c1' }]))
  })
})
