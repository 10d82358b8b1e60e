import { describe, expect, it } from 'vitest'
import {
  buildThread,
  emptySelection,
  siblingKey,
  type ConversationDetail,
} from './conversation-thread'

let clock = 0
const message = (id: string, parentId: string | null, parentRunId: string | null = null) => ({
  id,
  conversationId: 'c',
  parentId,
  parentRunId,
  role: 'user' as const,
  content: id,
  createdAt: ++clock,
})
const run = (id: string, messageId: string, model = 'm') =>
  ({
    id,
    messageId,
    conversationId: 'c',
    model,
    createdAt: ++clock,
  }) as ConversationDetail['runs'][number]

function detail(messages: ReturnType<typeof message>[], runs: ReturnType<typeof run>[]) {
  return { conversation: { mode: 'chat' }, messages, runs } as unknown as ConversationDetail
}

describe('buildThread', () => {
  // p1 → r1, r2 (regenerated); p2 continues r1, p3 continues r2; p1b is an edit of p1.
  const p1 = message('p1', null)
  const r1 = run('r1', 'p1')
  const p2 = message('p2', 'p1', 'r1')
  const r2 = run('r2', 'p1')
  const p3 = message('p3', 'p1', 'r2')
  const p1b = message('p1b', null)
  const all = detail([p1, p2, p3, p1b], [r1, r2])

  it('follows the latest version and the latest answer by default', () => {
    const turns = buildThread(all, emptySelection, 'chat')
    expect(turns.map((t) => t.message.id)).toEqual(['p1b'])
    expect(turns[0]?.siblings.map((m) => m.id)).toEqual(['p1', 'p1b'])
    expect(turns[0]?.siblingIndex).toBe(1)
  })

  it('follows the chosen version, then the chosen answer’s continuation', () => {
    const selection = { messages: { [siblingKey(p1)]: 'p1' }, runs: {} }
    const latest = buildThread(all, selection, 'chat')
    expect(latest.map((t) => t.message.id)).toEqual(['p1', 'p3'])
    expect(latest[0]?.activeRun?.id).toBe('r2')
    const first = buildThread(all, { ...selection, runs: { p1: 'r1' } }, 'chat')
    expect(first.map((t) => t.message.id)).toEqual(['p1', 'p2'])
    expect(first[0]?.runs.map((r) => r.id)).toEqual(['r1', 'r2'])
  })

  it('in a comparison, every column’s prompt continues whatever run is chosen', () => {
    const q1 = message('q1', null)
    const a = run('a', 'q1', 'x')
    const b = run('b', 'q1', 'y')
    const q2 = message('q2', 'q1')
    const turns = buildThread(detail([q1, q2], [a, b]), emptySelection, 'compare')
    expect(turns.map((t) => t.message.id)).toEqual(['q1', 'q2'])
    expect(turns[0]?.runs).toHaveLength(2)
  })
})
