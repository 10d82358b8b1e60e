import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startAnthropicFake } from '../../../test/fakes/anthropic/anthropic-fake'
import type { FakeServer } from '../../../test/fakes/fake-script'
import { OPENAI_FAKE_DEFAULTS, startOpenAIFake } from '../../../test/fakes/openai/openai-fake'
import type { ChatMessage, Connection } from '@parallax/llm'
import { openHistoryStore, type OpenedHistoryStore } from '../history'
import type { RunEventMap, RunEventName } from '../../shared/run-schemas'
import { createRunner } from './runner'
import type { CompareTarget, Runner } from './runner-types'

let dir: string
let history: OpenedHistoryStore
let fakes: Record<'a' | 'b' | 'c' | 'd', FakeServer>
let connections: Record<string, Connection>
let events: { event: RunEventName; payload: RunEventMap[RunEventName] }[]
let runner: Runner

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-compare-'))
  history = openHistoryStore({ file: join(dir, 'history.db') })
  const [a, b, c, anthropic] = await Promise.all([
    startOpenAIFake(),
    startOpenAIFake(),
    startOpenAIFake(),
    startAnthropicFake(),
  ])
  fakes = { a: a as FakeServer, b: b as FakeServer, c: c as FakeServer, d: anthropic }
  const openai = (fake: FakeServer): Connection => ({
    provider: 'openai',
    apiKey: OPENAI_FAKE_DEFAULTS.openaiKey,
    baseURL: `${fake.url}/v1`,
  })
  connections = {
    a: openai(fakes.a),
    b: openai(fakes.b),
    c: openai(fakes.c),
    d: { provider: 'anthropic', apiKey: anthropic.apiKey, baseURL: anthropic.url },
  }
  events = []
  runner = createRunner({
    history,
    resolveConnection: async (id) => connections[id] as Connection,
    emit: (event, payload) => events.push({ event, payload }),
    callOptions: { maxRetries: 0 },
  })
})
afterEach(async () => {
  await runner.interruptAll()
  history.close()
  await Promise.all(Object.values(fakes).map((f) => f.close()))
  rmSync(dir, { recursive: true, force: true })
})

const target = (connectionId: string, model: string): CompareTarget => ({
  connectionId,
  provider: connectionId === 'd' ? 'anthropic' : 'openai',
  model,
})
const sentMessages = (fake: FakeServer, i: number) =>
  (fake.requests[i]?.json as { messages: ChatMessage[] }).messages
const of = <E extends RunEventName>(event: E) =>
  events.filter((e) => e.event === event).map((e) => e.payload as RunEventMap[E])

async function until(check: () => boolean): Promise<void> {
  const end = Date.now() + 5000
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

describe('a comparison', () => {
  it('runs 4 models at once: one fails, one is stopped, two finish', async () => {
    fakes.a.enqueue({ text: ['Alpha ', 'answer'], delayMs: 20, usage: { input: 30, output: 2 } })
    fakes.d.enqueue({ text: ['Claude ', 'answer'], delayMs: 20, usage: { input: 31, output: 2 } })
    fakes.b.enqueue({ text: ['broken ', 'half', 'never'], errorEventAfterEvents: 2 })
    fakes.c.enqueue({ text: ['slow ', 'then', 'silence'], stallAfterEvents: 1 })
    const group = runner.startComparison({
      prompt: 'Explain WAL mode',
      systemPrompt: 'Be brief.',
      targets: [
        target('a', 'gpt-4.1-mini'),
        target('d', 'claude-haiku-5-5'),
        target('b', 'gpt-4o-mini'),
        target('c', 'gpt-4.1-mini'),
      ],
    })
    const [okA, okD, failed, stopped] = group.runIds as [string, string, string, string]
    expect(group.groupId).toBe(group.messageId)
    // All four rows exist at once, before any answer.
    const rows = history.getConversation(group.conversationId)
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
    await Promise.all([okA, okD, failed].map((id) => runner.settled(id)))
    expect(runner.liveRunIds()).toEqual([stopped])
    expect(await runner.stopComparison(group.groupId)).toBe(1)

    const byId = new Map(history.getConversation(group.conversationId).runs.map((r) => [r.id, r]))
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
    fakes.a.enqueue({ text: ['A1'] }, { text: ['A2'] })
    fakes.d.enqueue({ text: ['D1'] }, { text: ['D2'] })
    const first = runner.startComparison({
      prompt: 'first',
      systemPrompt: 'Sys',
      targets: [target('a', 'gpt-4.1-mini'), target('d', 'claude-haiku-5-5')],
    })
    await Promise.all(first.runIds.map((id) => runner.settled(id)))
    const second = runner.startComparison({
      conversationId: first.conversationId,
      prompt: 'second',
    })
    await Promise.all(second.runIds.map((id) => runner.settled(id)))

    expect(second.runIds).toHaveLength(2)
    expect(sentMessages(fakes.a, 1)).toEqual([
      { role: 'system', content: 'Sys' },
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'A1' },
      { role: 'user', content: 'second' },
    ])
    const anthropicBody = fakes.d.requests[1]?.json as {
      system: unknown
      messages: { role: string; content: unknown }[]
    }
    expect(JSON.stringify(anthropicBody.system)).toContain('Sys')
    expect(JSON.stringify(anthropicBody.messages)).toContain('D1')
    expect(JSON.stringify(anthropicBody.messages)).not.toContain('A1')
    expect(history.getMessage(second.messageId).parentId).toBe(first.messageId)
    const runs = history.getConversation(first.conversationId).runs
    expect(runs.filter((r) => r.messageId === second.messageId).map((r) => r.answer)).toEqual([
      'A2',
      'D2',
    ])
  })

  it('re-runs an earlier prompt on other models as siblings', async () => {
    fakes.a.enqueue({ text: ['A1'] }, { text: ['A2'] })
    fakes.d.enqueue({ text: ['D1'] }, { text: ['D2'] })
    const first = runner.startComparison({
      prompt: 'first',
      targets: [target('a', 'gpt-4.1-mini'), target('d', 'claude-haiku-5-5')],
    })
    await Promise.all(first.runIds.map((id) => runner.settled(id)))
    const second = runner.startComparison({
      conversationId: first.conversationId,
      prompt: 'second',
    })
    await Promise.all(second.runIds.map((id) => runner.settled(id)))

    fakes.c.enqueue({ text: ['C1'] })
    const again = runner.rerun({
      messageId: first.messageId,
      targets: [target('c', 'gpt-4o-mini')],
    })
    expect(again).toMatchObject({
      messageId: first.messageId,
      conversationId: first.conversationId,
    })
    await runner.settled(again.runIds[0] as string)
    // Only the history up to that prompt is sent, not the later turn.
    expect(sentMessages(fakes.c, 0)).toEqual([{ role: 'user', content: 'first' }])
    const siblings = history
      .getConversation(first.conversationId)
      .runs.filter((r) => r.messageId === first.messageId)
    expect(siblings.map((r) => [r.model, r.answer, r.status])).toEqual([
      ['gpt-4.1-mini', 'A1', 'done'],
      ['claude-haiku-5-5', 'D1', 'done'],
      ['gpt-4o-mini', 'C1', 'done'],
    ])
    expect(history.getConversation(first.conversationId).messages).toHaveLength(2)
  })

  it('checks the number of targets', () => {
    expect(() => runner.startComparison({ prompt: 'x', targets: [target('a', 'm')] })).toThrow(
      /2–8 targets/,
    )
    const nine = Array.from({ length: 9 }, () => target('a', 'm'))
    expect(() => runner.startComparison({ prompt: 'x', targets: nine })).toThrow(/got 9/)
    expect(history.listConversations().items).toEqual([])
  })
})
