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
  dir = mkdtempSync(join(tmpdir(), 'parallax-compare-steer-'))
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

const settledAll = (started: { runIds: string[] }) =>
  Promise.all(started.runIds.map((id) => runner.settled(id)))
const runsOf = (conversationId: string, messageId: string) =>
  history.getConversation(conversationId).runs.filter((r) => r.messageId === messageId)

describe('steering a comparison after it started', () => {
  it('sends the next turn to added, changed and fewer columns, each with the right history', async () => {
    fakes.a.enqueue({ text: ['A1'] }, { text: ['A2'] }, { text: ['A3'] })
    fakes.b.enqueue({ text: ['B1'] }, { text: ['B2'] })
    fakes.c.enqueue({ text: ['C2'] }, { text: ['N3'] })
    const first = runner.startComparison({
      prompt: 'first',
      targets: [target('a', 'gpt-4.1-mini'), target('b', 'gpt-4.1-nano')],
    })
    await settledAll(first)

    // Turn 2 adds a third column: it has no answers of its own, so it continues from column 1's.
    const second = runner.startComparison({
      conversationId: first.conversationId,
      prompt: 'second',
      targets: [
        target('a', 'gpt-4.1-mini'),
        target('b', 'gpt-4.1-nano'),
        target('c', 'gpt-4o-mini'),
      ],
    })
    await settledAll(second)
    expect(sentMessages(fakes.c, 0)).toEqual([
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'A1' },
      { role: 'user', content: 'second' },
    ])
    expect(sentMessages(fakes.b, 1)).toEqual([
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'B1' },
      { role: 'user', content: 'second' },
    ])

    // Turn 3: column 1 gets a temperature, column 2 a new model, column 3 is removed.
    const third = runner.startComparison({
      conversationId: first.conversationId,
      prompt: 'third',
      targets: [
        { ...target('a', 'gpt-4.1-mini'), parameters: { temperature: 0.2 } },
        target('c', 'gpt-5.4-nano'),
      ],
    })
    await settledAll(third)
    expect(sentMessages(fakes.a, 2)).toEqual([
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'A1' },
      { role: 'user', content: 'second' },
      { role: 'assistant', content: 'A2' },
      { role: 'user', content: 'third' },
    ])
    expect((fakes.a.requests[2]?.json as { temperature?: number }).temperature).toBe(0.2)
    // The new model in column 2 continues from the answers of the column it replaced.
    expect(sentMessages(fakes.c, 1)).toEqual([
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
    fakes.a.enqueue({ text: ['A4'] })
    fakes.c.enqueue({ text: ['N4'] })
    const fourth = runner.startComparison({
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
    fakes.a.enqueue({ text: ['A1'] }, { text: ['A2'] })
    fakes.b.enqueue({ text: ['B1'] }, { text: ['B2'] }, { text: ['B2 again'] })
    const columns = [
      target('a', 'gpt-4.1-mini'),
      { ...target('b', 'gpt-4.1-nano'), parameters: { temperature: 0.7 } },
    ]
    const first = runner.startComparison({ prompt: 'first', targets: columns })
    await settledAll(first)
    const second = runner.startComparison({
      conversationId: first.conversationId,
      prompt: 'second',
    })
    await settledAll(second)

    const again = runner.rerun({
      messageId: second.messageId,
      targets: [columns[1] as CompareTarget],
    })
    expect(again.runIds).toHaveLength(1)
    await settledAll(again)

    expect(fakes.a.requests).toHaveLength(2)
    expect(fakes.b.requests).toHaveLength(3)
    expect(sentMessages(fakes.b, 2)).toEqual([
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'B1' },
      { role: 'user', content: 'second' },
    ])
    expect((fakes.b.requests[2]?.json as { temperature?: number }).temperature).toBe(0.7)
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
