import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startOpenAIFake, OPENAI_FAKE_DEFAULTS } from '../../../test/fakes/openai/openai-fake'
import type { FakeServer } from '../../../test/fakes/fake-script'
import { openHistoryStore, type OpenedHistoryStore } from '../history'
import { createRunner, type Runner } from '../runs/index'
import { createUsageRepository, type UsageRepository } from './usage-repository'

let dir: string
let history: OpenedHistoryStore
let usage: UsageRepository
let fake: FakeServer
let starts: string[]
let runner: Runner
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-ledger-runs-'))
  history = openHistoryStore({ file: join(dir, 'history.db') })
  usage = createUsageRepository(history.database)
  fake = await startOpenAIFake()
  starts = []
  runner = createRunner({
    history,
    resolveConnection: async () => ({
      provider: 'openai',
      apiKey: OPENAI_FAKE_DEFAULTS.openaiKey,
      baseURL: `${fake.url}/v1`,
    }),
    emit: () => {},
    callOptions: { maxRetries: 0 },
    onRunStart: (run) => starts.push(run.connectionId),
    enterUsage: (entry) => usage.enter(entry),
    maxInFlightOf: () => 1,
    onInternalError: () => {}, // a deleted run's text has nowhere to go: expected here
  })
})
afterEach(async () => {
  history.close()
  await fake.close()
  rmSync(dir, { recursive: true, force: true })
})

const ALL_TIME = { from: 0, to: Date.now() + 3_600_000 }

function chat(prompt: string) {
  return runner.startChat({
    connectionId: 'work',
    provider: 'openai',
    model: 'gpt-4.1-mini',
    prompt,
  })
}

describe('the runner and the usage ledger', () => {
  it('enters each sent run as it ends; deleting and clearing history leave usage as it was', async () => {
    fake.enqueue({ text: ['one'], usage: { input: 20, output: 3 } })
    fake.enqueue({ text: ['two'], usage: { input: 30, output: 4 } })
    const first = chat('first')
    await runner.settled(first.runId)
    const second = chat('second')
    await runner.settled(second.runId)
    expect(starts).toEqual(['work', 'work'])
    const before = usage.report(ALL_TIME)
    expect(before.totals).toMatchObject({ requests: 2, tokensIn: 50, tokensOut: 7 })
    expect(before.totals.costUsd).toBeGreaterThan(0)

    history.deleteConversation(first.conversationId)
    expect(usage.report(ALL_TIME)).toEqual(before)
    history.clear()
    expect(usage.report(ALL_TIME)).toEqual(before)
  })

  it('keeps the spend of a run whose conversation is deleted while it streams', async () => {
    fake.enqueue({ text: ['slow ', 'answer'], delayMs: 300, usage: { input: 40, output: 5 } })
    const started = chat('deleted mid-answer')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(fake.requests).toHaveLength(1)
    history.deleteConversation(started.conversationId)
    await runner.settled(started.runId)
    expect(usage.report(ALL_TIME).totals).toMatchObject({ requests: 1, tokensIn: 40, tokensOut: 5 })
  })

  it('does not count a run stopped while it waited in line (never sent)', async () => {
    fake.enqueue({ text: ['a'], delayMs: 200, usage: { input: 10, output: 1 } })
    const sent = chat('sent')
    const waiting = chat('waits for the one slot')
    expect(history.getRun(waiting.runId).status).toBe('queued')
    await runner.stop(waiting.runId)
    await runner.settled(sent.runId)
    expect(history.getRun(waiting.runId).status).toBe('stopped')
    expect(usage.report(ALL_TIME).totals.requests).toBe(1)
  })
})
