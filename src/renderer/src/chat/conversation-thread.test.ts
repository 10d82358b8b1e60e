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
const run = (id: string, messageId: string, model = 'm', createdAt = ++clock) =>
  ({
    id,
    messageId,
    conversationId: 'c',
    model,
    createdAt,
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

  it('shows n answers started together in the order started, the first one by default', () => {
    const q = message('q', null)
    const earlier = run('earlier', 'q')
    // Rows of one request share their creation time; the host lists them in the order started,
    // which their random-tailed ids do not follow.
    const at = ++clock
    const batch = [run('zz', 'q', 'm', at), run('aa', 'q', 'm', at), run('mm', 'q', 'm', at)]
    const turns = buildThread(detail([q], [earlier, ...batch]), emptySelection, 'chat')
    expect(turns[0]?.runs.map((r) => r.id)).toEqual(['earlier', 'zz', 'aa', 'mm'])
    expect(turns[0]?.activeRun?.id).toBe('zz')
    const picked = buildThread(
      detail([q], [earlier, ...batch]),
      { messages: {}, runs: { q: 'mm' } },
      'chat',
    )
    expect(picked[0]?.activeRun?.id).toBe('mm')
  })

  it('opens on the answer the conversation went on from, not on a later sibling', () => {
    const q = message('q', null)
    const at = ++clock
    const answers = [run('a1', 'q', 'm', at), run('a2', 'q', 'm', at), run('a3', 'q', 'm', at)]
    const followUp = message('f', 'q', 'a2')
    const regenerated = run('a4', 'q')
    const turns = buildThread(
      detail([q, followUp], [...answers, regenerated]),
      emptySelection,
      'chat',
    )
    expect(turns.map((t) => t.message.id)).toEqual(['q', 'f'])
    expect(turns[0]?.activeRun?.id).toBe('a2')
  })
})
