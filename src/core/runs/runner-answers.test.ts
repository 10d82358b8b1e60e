import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startOpenAIFake, OPENAI_FAKE_DEFAULTS } from '../../../test/fakes/openai/openai-fake'
import type { FakeServer } from '../../../test/fakes/fake-script'
import { createDispatcher } from '../../shared/dispatch'
import type { RunEventMap, RunEventName } from '../../shared/run-schemas'
import { RunDonePayloadSchema } from '../../shared/run-schemas'
import { StartChatInputSchema } from '../../shared/run-input-schemas'
import type { Connection } from '@parallax/llm'
import { openCore } from '../create-core'
import { openHistoryStore, type OpenedHistoryStore } from '../history'
import { RunInputError } from './run-input-error'
import { createRunner } from './runner'

/* n answers to one chat prompt: n separate runs, siblings of one message (docs/runs.md). */

let dir: string
let history: OpenedHistoryStore
let fake: FakeServer
let events: { event: RunEventName; payload: RunEventMap[RunEventName] }[]
let openai: Connection

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-answers-'))
  history = openHistoryStore({ file: join(dir, 'history.db') })
  fake = await startOpenAIFake()
  events = []
  openai = { provider: 'openai', apiKey: OPENAI_FAKE_DEFAULTS.openaiKey, baseURL: `${fake.url}/v1` }
})
afterEach(async () => {
  history.close()
  await fake.close()
  rmSync(dir, { recursive: true, force: true })
})

function runner() {
  return createRunner({
    history,
    resolveConnection: async (id) => {
      if (id !== 'openai') throw new Error(`no connection ${id}`)
      return openai
    },
    emit: (event, payload) => events.push({ event, payload }),
    callOptions: { maxRetries: 0 },
  })
}

const of = <E extends RunEventName>(event: E) =>
  events.filter((e) => e.event === event).map((e) => e.payload as RunEventMap[E])

const completions = () => fake.requests.filter((r) => r.url.includes('/chat/completions'))

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await sleep(5)
  }
}

function conversationCount(): number {
  return history.listConversations({ archived: 'all' }).items.length
}

const chat = {
  connectionId: 'openai',
  provider: 'openai' as const,
  model: 'gpt-4.1-mini',
}

describe('n answers in a chat', () => {
  it('starts n runs of one prompt as siblings, each its own request, text, metrics and cost', async () => {
    fake.enqueue(
      { text: ['Alpha'], delayMs: 20, usage: { input: 11, output: 1 } },
      { text: ['Beta', ' two'], delayMs: 20, usage: { input: 11, output: 2 } },
      { text: ['Gamma', ' three', ' !'], delayMs: 20, usage: { input: 11, output: 3 } },
    )
    const r = runner()
    const started = r.startChat({
      ...chat,
      parameters: { n: 3, temperature: 0.5 },
      prompt: 'Name a Greek letter',
    })
    expect(started.runIds).toHaveLength(3)
    expect(new Set(started.runIds).size).toBe(3)
    expect(started.runId).toBe(started.runIds[0])
    expect(r.liveRunIds().sort()).toEqual([...started.runIds].sort())

    const done = await Promise.all(started.runIds.map((id) => r.settled(id)))
    const { messages, runs } = history.getConversation(started.conversationId)
    expect(messages.map((m) => m.content)).toEqual(['Name a Greek letter'])
    // Creation order, all answers of the one prompt, started together.
    expect(runs.map((run) => run.id)).toEqual(started.runIds)
    expect(new Set(runs.map((run) => run.createdAt)).size).toBe(1)
    const answers = runs.map((run) => run.answer).sort()
    expect(answers).toEqual(['Alpha', 'Beta two', 'Gamma three !'])
    for (const [i, run] of runs.entries()) {
      const payload = RunDonePayloadSchema.parse(done[i])
      expect(run).toMatchObject({
        messageId: started.messageId,
        status: 'done',
        // Each run is one answer: n is not stored, so regenerating it makes one answer.
        parameters: { temperature: 0.5 },
      })
      expect(run.parameters).not.toHaveProperty('n')
      // Its own usage and cost, from its own request.
      const words = run.answer.split(' ').length
      expect(payload.usage).toMatchObject({ tokensIn: 11, tokensOut: words, estimated: false })
      expect(run.usage.tokensOut).toBe(words)
      expect(run.costUsd).toBe(payload.cost.usd)
      expect(run.ttftMs).toBe(payload.metrics.ttftMs)
      expect(payload.metrics.totalMs).toBeGreaterThan(0)
    }
    expect(new Set(runs.map((run) => run.costUsd)).size).toBe(3)

    // Three requests for the same prompt, none asking the provider for n answers.
    expect(completions()).toHaveLength(3)
    for (const request of completions()) {
      const body = request.json as Record<string, unknown>
      expect(body).not.toHaveProperty('n')
      expect(body).toMatchObject({
        model: 'gpt-4.1-mini',
        temperature: 0.5,
        messages: [{ role: 'user', content: 'Name a Greek letter' }],
      })
    }
    // One run.started per answer, all for the same message; each run's deltas are its own text.
    expect(of('run.started').map((p) => [p.messageId, p.groupId])).toEqual(
      started.runIds.map(() => [started.messageId, null]),
    )
    for (const run of runs) {
      const text = of('run.delta')
        .filter((d) => d.runId === run.id)
        .map((d) => d.answer)
        .join('')
      expect(text).toBe(run.answer)
    }
    expect(r.liveRunIds()).toEqual([])
  })

  it('stops one answer alone, or all of them with the turn or the conversation', async () => {
    fake.enqueue({ text: ['x', 'y'], stallAfterEvents: 1, times: 5 })
    const r = runner()
    const first = r.startChat({ ...chat, parameters: { n: 3 }, prompt: 'stall' })
    const streamed = (id: string) => of('run.delta').some((d) => d.runId === id)
    await until(() => first.runIds.every(streamed))

    const [one, ...rest] = first.runIds as [string, ...string[]]
    expect(await r.stop(one)).toBe(true)
    expect(r.liveRunIds().sort()).toEqual([...rest].sort())
    expect(await r.stopComparison(first.messageId)).toBe(2)
    for (const id of first.runIds) {
      expect(history.getRun(id)).toMatchObject({ status: 'stopped', answer: 'x' })
    }

    const second = r.startChat({
      ...chat,
      conversationId: first.conversationId,
      parameters: { n: 2 },
      prompt: 'stall again',
    })
    await until(() => second.runIds.every(streamed))
    expect(await r.stopComparison(first.conversationId)).toBe(2)
    expect(second.runIds.map((id) => history.getRun(id).status)).toEqual(['stopped', 'stopped'])
    expect(r.liveRunIds()).toEqual([])
  })

  it('refuses n outside 1–8 or not whole, naming parameters.n, before anything is saved', () => {
    const r = runner()
    for (const n of [9, 0, 2.5, -1]) {
      let error: unknown
      try {
        r.startChat({ ...chat, parameters: { n }, prompt: 'too many' })
      } catch (caught) {
        error = caught
      }
      expect(error).toBeInstanceOf(RunInputError)
      expect(error).toMatchObject({ field: 'parameters.n', message: expect.stringMatching(/1.+8/) })
    }
    expect(conversationCount()).toBe(0)
    expect(completions()).toHaveLength(0)
  })

  it('makes n = 1 (or none) one answer, as before', async () => {
    const r = runner()
    const started = r.startChat({ ...chat, parameters: { n: 1 }, prompt: 'one' })
    expect(started.runIds).toEqual([started.runId])
    await r.settled(started.runId)
    expect(history.getRun(started.runId).parameters).toEqual({})
    expect(completions()[0]?.json).not.toHaveProperty('n')
  })

  it('regenerates n more answers in a chat, but refuses n in a comparison', async () => {
    const r = runner()
    const first = r.startChat({ ...chat, prompt: 'again' })
    await r.settled(first.runId)
    const more = r.rerun({
      messageId: first.messageId,
      targets: [{ ...chat, parameters: { n: 2, seed: 7 } }],
    })
    expect(more.runIds).toHaveLength(2)
    await Promise.all(more.runIds.map((id) => r.settled(id)))
    const runs = history.getConversation(first.conversationId).runs
    expect(runs.map((run) => run.id)).toEqual([first.runId, ...more.runIds])
    expect(runs.map((run) => run.parameters)).toEqual([{}, { seed: 7 }, { seed: 7 }])
    for (const request of completions()) expect(request.json).not.toHaveProperty('n')

    expect(() =>
      r.rerun({ messageId: first.messageId, targets: [{ ...chat, parameters: { n: 9 } }] }),
    ).toThrow(expect.objectContaining({ field: 'targets.0.parameters.n' }))
    expect(() =>
      r.rerun({
        messageId: first.messageId,
        targets: [
          { ...chat, parameters: { n: 5 } },
          { ...chat, parameters: { n: 4 } },
        ],
      }),
    ).toThrow(expect.objectContaining({ field: 'targets', message: expect.stringMatching(/8/) }))
    expect(history.getConversation(first.conversationId).runs).toHaveLength(3)
  })

  it('refuses n > 1 in a comparison, naming the column, before anything is saved', async () => {
    const r = runner()
    const one = { ...chat, parameters: { n: 1 } }
    const targets = [one, { ...chat, model: 'gpt-5.4-mini', parameters: { n: 2 } }]
    let error: unknown
    try {
      r.startComparison({ prompt: 'side by side', targets })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(RunInputError)
    expect(error).toMatchObject({
      field: 'targets.1.parameters.n',
      message: expect.stringMatching(/one answer per column/),
    })
    expect(conversationCount()).toBe(0)

    // n = 1 is simply one answer per column, and not stored.
    const group = r.startComparison({ prompt: 'side by side', targets: [one, chat] })
    await Promise.all(group.runIds.map((id) => r.settled(id)))
    expect(group.runIds.map((id) => history.getRun(id).parameters)).toEqual([{}, {}])
    // A rerun in a comparison adds columns, one answer each.
    expect(() =>
      r.rerun({ messageId: group.messageId, targets: [{ ...chat, parameters: { n: 2 } }] }),
    ).toThrow(expect.objectContaining({ field: 'targets.0.parameters.n' }))
  })
})

describe('n through the contract', () => {
  it('names parameters.n for a bad value and the column for a comparison, and returns every run id', async () => {
    const core = await openCore({
      version: '0.0.0',
      host: 'web',
      dataDir: join(dir, 'core'),
      emit: () => {},
      vaultKey: { keyFile: join(dir, 'core', 'vault.key') },
    })
    try {
      const call = createDispatcher(core.handlers)
      const created = await call('connections.create', {
        provider: 'openai',
        label: 'fake',
        fields: { apiKey: OPENAI_FAKE_DEFAULTS.openaiKey, baseURL: `${fake.url}/v1` },
      })
      if (!created.ok) throw new Error(created.error.message)
      const connectionId = (created.value as { id: string }).id
      const base = { connectionId, model: 'gpt-5.4-mini', prompt: 'Hi' }

      for (const n of [9, 0, 1.5]) {
        const refused = await call('runs.startChat', { ...base, parameters: { n } })
        expect(refused).toMatchObject({
          ok: false,
          error: { kind: 'invalid_input', field: 'parameters.n' },
        })
      }
      const compare = await call('compare.start', {
        prompt: 'Hi',
        targets: [
          { connectionId, model: 'gpt-5.4-mini' },
          { connectionId, model: 'gpt-4.1-mini', parameters: { n: 2 } },
        ],
      })
      expect(compare).toMatchObject({
        ok: false,
        error: { kind: 'invalid_input', field: 'targets.1.parameters.n' },
      })
      expect(core.history.listConversations({ archived: 'all' }).items).toEqual([])

      const started = await call('runs.startChat', { ...base, parameters: { n: 2 } })
      if (!started.ok) throw new Error(started.error.message)
      const value = started.value as { runId: string; runIds: string[] }
      expect(value.runIds).toHaveLength(2)
      expect(value.runIds[0]).toBe(value.runId)
      await Promise.all(value.runIds.map((id) => core.runner.settled(id)))
      expect(value.runIds.map((id) => core.history.getRun(id).status)).toEqual(['done', 'done'])
    } finally {
      await core.close()
    }
  })

  it('declares n in the run parameters as a whole number from 1 to 8', () => {
    const input = { connectionId: 'c', model: 'm', prompt: 'p' }
    expect(StartChatInputSchema.safeParse({ ...input, parameters: { n: 8 } }).success).toBe(true)
    const bad = StartChatInputSchema.safeParse({ ...input, parameters: { n: 9 } })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0]?.path).toEqual(['parameters', 'n'])
  })
})
