import { describe, expect, it } from 'vitest'
import type { CompareTarget } from './runner-types'
import { compareTarget, sentMessages, useCompareRig } from '../../../test/support/compare-rig'

const rig = useCompareRig()

const settledAll = (started: { runIds: string[] }) =>
  Promise.all(started.runIds.map((id) => rig.runner.settled(id)))
const runsOf = (conversationId: string, messageId: string) =>
  rig.history.getConversation(conversationId).runs.filter((r) => r.messageId === messageId)

describe('steering a comparison after it started', () => {
  it('sends the next turn to added, changed and fewer columns, each with the right history', async () => {
    rig.fakes.a.enqueue({ text: ['A1'] }, { text: ['A2'] }, { text: ['A3'] })
    rig.fakes.b.enqueue({ text: ['B1'] }, { text: ['B2'] })
    rig.fakes.c.enqueue({ text: ['C2'] }, { text: ['N3'] })
    const first = rig.runner.startComparison({
      prompt: 'first',
      targets: [compareTarget('a', 'gpt-4.1-mini'), compareTarget('b', 'gpt-4.1-nano')],
    })
    await settledAll(first)

    // Turn 2 adds a third column: it has no answers of its own, so it continues from column 1's.
    const second = rig.runner.startComparison({
      conversationId: first.conversationId,
      prompt: 'second',
      targets: [
        compareTarget('a', 'gpt-4.1-mini'),
        compareTarget('b', 'gpt-4.1-nano'),
        compareTarget('c', 'gpt-4o-mini'),
      ],
    })
    await settledAll(second)
    expect(sentMessages(rig.fakes.c, 0)).toEqual([
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'A1' },
      { role: 'user', content: 'second' },
    ])
    expect(sentMessages(rig.fakes.b, 1)).toEqual([
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'B1' },
      { role: 'user', content: 'second' },
    ])

    // Turn 3: column 1 gets a temperature, column 2 a new model, column 3 is removed.
    const third = rig.runner.startComparison({
      conversationId: first.conversationId,
      prompt: 'third',
      targets: [
        { ...compareTarget('a', 'gpt-4.1-mini'), parameters: { temperature: 0.2 } },
        compareTarget('c', 'gpt-5.4-nano'),
      ],
    })
    await settledAll(third)
    expect(sentMessages(rig.fakes.a, 2)).toEqual([
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'A1' },
      { role: 'user', content: 'second' },
      { role: 'assistant', content: 'A2' },
      { role: 'user', content: 'third' },
    ])
    expect((rig.fakes.a.requests[2]?.json as { temperature?: number }).temperature).toBe(0.2)
    // The new model in column 2 continues from the answers of the column it replaced.
    expect(sentMessages(rig.fakes.c, 1)).toEqual([
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'B1' },
      { role: 'user', content: 'second' },
      { role: 'assistant', content: 'B2' },
      { role: 'user', content: 'third' },
    ])

    // Each turn keeps the columns it had.
    const columns = (messageId: string) =>
      runsOf(first.conversationId, messageId).map((r) => [r.model, r.parameters, r.answer])
    expect(columns(first.messageId)).toEqual([
      ['gpt-4.1-mini', {}, 'A1'],
      ['gpt-4.1-nano', {}, 'B1'],
    ])
    expect(columns(second.messageId)).toEqual([
      ['gpt-4.1-mini', {}, 'A2'],
      ['gpt-4.1-nano', {}, 'B2'],
      ['gpt-4o-mini', {}, 'C2'],
    ])
    expect(columns(third.messageId)).toEqual([
      ['gpt-4.1-mini', { temperature: 0.2 }, 'A3'],
      ['gpt-5.4-nano', {}, 'N3'],
    ])

    // A follow-up without targets goes on with the changed columns.
    rig.fakes.a.enqueue({ text: ['A4'] })
    rig.fakes.c.enqueue({ text: ['N4'] })
    const fourth = rig.runner.startComparison({
      conversationId: first.conversationId,
      prompt: 'fourth',
    })
    await settledAll(fourth)
    expect(columns(fourth.messageId)).toEqual([
      ['gpt-4.1-mini', { temperature: 0.2 }, 'A4'],
      ['gpt-5.4-nano', {}, 'N4'],
    ])
  })

  it('regenerates one column: one new run, in that column only, with its own history', async () => {
    rig.fakes.a.enqueue({ text: ['A1'] }, { text: ['A2'] })
    rig.fakes.b.enqueue({ text: ['B1'] }, { text: ['B2'] }, { text: ['B2 again'] })
    const columns = [
      compareTarget('a', 'gpt-4.1-mini'),
      { ...compareTarget('b', 'gpt-4.1-nano'), parameters: { temperature: 0.7 } },
    ]
    const first = rig.runner.startComparison({ prompt: 'first', targets: columns })
    await settledAll(first)
    const second = rig.runner.startComparison({
      conversationId: first.conversationId,
      prompt: 'second',
    })
    await settledAll(second)

    const again = rig.runner.rerun({
      messageId: second.messageId,
      targets: [columns[1] as CompareTarget],
    })
    expect(again.runIds).toHaveLength(1)
    await settledAll(again)

    expect(rig.fakes.a.requests).toHaveLength(2)
    expect(rig.fakes.b.requests).toHaveLength(3)
    expect(sentMessages(rig.fakes.b, 2)).toEqual([
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'B1' },
      { role: 'user', content: 'second' },
    ])
    expect((rig.fakes.b.requests[2]?.json as { temperature?: number }).temperature).toBe(0.7)
    expect(
      runsOf(first.conversationId, second.messageId).map((r) => [r.model, r.parameters, r.answer]),
    ).toEqual([
      ['gpt-4.1-mini', {}, 'A2'],
      ['gpt-4.1-nano', { temperature: 0.7 }, 'B2'],
      ['gpt-4.1-nano', { temperature: 0.7 }, 'B2 again'],
    ])
    expect(runsOf(first.conversationId, first.messageId)).toHaveLength(2)
  })
})
