import { describe, expect, it } from 'vitest'
import { compareTarget, sentMessages, useCompareRig } from '../../../test/support/compare-rig'
import type { RunEventMap, RunEventName } from '../../shared/run-schemas'

const rig = useCompareRig()

const of = <E extends RunEventName>(event: E) =>
  rig.events.filter((e) => e.event === event).map((e) => e.payload as RunEventMap[E])

async function until(check: () => boolean): Promise<void> {
  const end = Date.now() + 5000
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

describe('a comparison', () => {
  it('runs 4 models at once: one fails, one is stopped, two finish', async () => {
    rig.fakes.a.enqueue({
      text: ['Alpha ', 'answer'],
      delayMs: 20,
      usage: { input: 30, output: 2 },
    })
    rig.fakes.d.enqueue({
      text: ['Claude ', 'answer'],
      delayMs: 20,
      usage: { input: 31, output: 2 },
    })
    rig.fakes.b.enqueue({ text: ['broken ', 'half', 'never'], errorEventAfterEvents: 2 })
    rig.fakes.c.enqueue({ text: ['slow ', 'then', 'silence'], stallAfterEvents: 1 })
    const group = rig.runner.startComparison({
      prompt: 'Explain WAL mode',
      systemPrompt: 'Be brief.',
      targets: [
        compareTarget('a', 'gpt-4.1-mini'),
        compareTarget('d', 'claude-haiku-5-5'),
        compareTarget('b', 'gpt-4o-mini'),
        compareTarget('c', 'gpt-4.1-mini'),
      ],
    })
    const [okA, okD, failed, stopped] = group.runIds as [string, string, string, string]
    expect(group.groupId).toBe(group.messageId)
    // All four rows exist at once, before any answer.
    const rows = rig.history.getConversation(group.conversationId)
    expect(rows.conversation.mode).toBe('compare')
    expect(rows.messages.map((m) => m.content)).toEqual(['Explain WAL mode'])
    expect(rows.runs.map((r) => r.status)).toEqual([
      'streaming',
      'streaming',
      'streaming',
      'streaming',
    ])
    expect(of('run.started').map((p) => p.runId)).toEqual(group.runIds)
    expect(of('run.started').every((p) => p.groupId === group.messageId)).toBe(true)

    await until(() => of('run.delta').some((d) => d.runId === stopped))
    await Promise.all([okA, okD, failed].map((id) => rig.runner.settled(id)))
    expect(rig.runner.liveRunIds()).toEqual([stopped])
    expect(await rig.runner.stopComparison(group.groupId)).toBe(1)

    const byId = new Map(
      rig.history.getConversation(group.conversationId).runs.map((r) => [r.id, r]),
    )
    expect(byId.get(okA)).toMatchObject({
      status: 'done',
      answer: 'Alpha answer',
      provider: 'openai',
    })
    expect(byId.get(okD)).toMatchObject({
      status: 'done',
      answer: 'Claude answer',
      provider: 'anthropic',
      usage: { tokensIn: 31, tokensOut: 2 },
    })
    expect(byId.get(failed)).toMatchObject({ status: 'error', answer: 'broken half' })
    expect(byId.get(failed)?.errorKind).toBeTruthy()
    expect(byId.get(stopped)).toMatchObject({ status: 'stopped', answer: 'slow ', errorKind: null })
    for (const run of byId.values()) expect(run.systemPrompt).toBe('Be brief.')

    const done = new Map(of('run.done').map((p) => [p.runId, p]))
    expect(of('run.done')).toHaveLength(4)
    expect(done.get(okA)).toMatchObject({ status: 'done', error: null, usage: { tokensOut: 2 } })
    expect(done.get(okD)?.cost.usd).toBeCloseTo((31 * 0.1 + 2 * 0.5) / 1e6, 12)
    expect(done.get(failed)).toMatchObject({
      status: 'error',
      error: { kind: byId.get(failed)?.errorKind },
    })
    expect(done.get(stopped)).toMatchObject({ status: 'stopped', error: null })
    for (const id of group.runIds) {
      const text = of('run.delta')
        .filter((d) => d.runId === id)
        .map((d) => d.answer)
        .join('')
      expect(text).toBe(byId.get(id)?.answer)
    }
  })

  it('sends a follow-up to every column with that column’s own history', async () => {
    rig.fakes.a.enqueue({ text: ['A1'] }, { text: ['A2'] })
    rig.fakes.d.enqueue({ text: ['D1'] }, { text: ['D2'] })
    const first = rig.runner.startComparison({
      prompt: 'first',
      systemPrompt: 'Sys',
      targets: [compareTarget('a', 'gpt-4.1-mini'), compareTarget('d', 'claude-haiku-5-5')],
    })
    await Promise.all(first.runIds.map((id) => rig.runner.settled(id)))
    const second = rig.runner.startComparison({
      conversationId: first.conversationId,
      prompt: 'second',
    })
    await Promise.all(second.runIds.map((id) => rig.runner.settled(id)))

    expect(second.runIds).toHaveLength(2)
    expect(sentMessages(rig.fakes.a, 1)).toEqual([
      { role: 'system', content: 'Sys' },
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'A1' },
      { role: 'user', content: 'second' },
    ])
    const anthropicBody = rig.fakes.d.requests[1]?.json as {
      system: unknown
      messages: { role: string; content: unknown }[]
    }
    expect(JSON.stringify(anthropicBody.system)).toContain('Sys')
    expect(JSON.stringify(anthropicBody.messages)).toContain('D1')
    expect(JSON.stringify(anthropicBody.messages)).not.toContain('A1')
    expect(rig.history.getMessage(second.messageId).parentId).toBe(first.messageId)
    const runs = rig.history.getConversation(first.conversationId).runs
    expect(runs.filter((r) => r.messageId === second.messageId).map((r) => r.answer)).toEqual([
      'A2',
      'D2',
    ])
  })

  it('re-runs an earlier prompt on other models as siblings', async () => {
    rig.fakes.a.enqueue({ text: ['A1'] }, { text: ['A2'] })
    rig.fakes.d.enqueue({ text: ['D1'] }, { text: ['D2'] })
    const first = rig.runner.startComparison({
      prompt: 'first',
      targets: [compareTarget('a', 'gpt-4.1-mini'), compareTarget('d', 'claude-haiku-5-5')],
    })
    await Promise.all(first.runIds.map((id) => rig.runner.settled(id)))
    const second = rig.runner.startComparison({
      conversationId: first.conversationId,
      prompt: 'second',
    })
    await Promise.all(second.runIds.map((id) => rig.runner.settled(id)))

    rig.fakes.c.enqueue({ text: ['C1'] })
    const again = rig.runner.rerun({
      messageId: first.messageId,
      targets: [compareTarget('c', 'gpt-4o-mini')],
    })
    expect(again).toMatchObject({
      messageId: first.messageId,
      conversationId: first.conversationId,
    })
    await rig.runner.settled(again.runIds[0] as string)
    // Only the history up to that prompt is sent, not the later turn.
    expect(sentMessages(rig.fakes.c, 0)).toEqual([{ role: 'user', content: 'first' }])
    const siblings = rig.history
      .getConversation(first.conversationId)
      .runs.filter((r) => r.messageId === first.messageId)
    expect(siblings.map((r) => [r.model, r.answer, r.status])).toEqual([
      ['gpt-4.1-mini', 'A1', 'done'],
      ['claude-haiku-5-5', 'D1', 'done'],
      ['gpt-4o-mini', 'C1', 'done'],
    ])
    expect(rig.history.getConversation(first.conversationId).messages).toHaveLength(2)
  })

  it('checks the number of targets', () => {
    expect(() =>
      rig.runner.startComparison({ prompt: 'x', targets: [compareTarget('a', 'm')] }),
    ).toThrow(/2–8 targets/)
    const nine = Array.from({ length: 9 }, () => compareTarget('a', 'm'))
    expect(() => rig.runner.startComparison({ prompt: 'x', targets: nine })).toThrow(/got 9/)
    expect(rig.history.listConversations().items).toEqual([])
  })
})
