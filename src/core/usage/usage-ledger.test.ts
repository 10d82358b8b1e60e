import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openHistoryStore, type OpenedHistoryStore } from '../history'
import { createUsageRepository, type UsageRepository } from './usage-repository'

const T0 = Date.UTC(2026, 2, 10, 12, 0, 0)
const RANGE = { from: T0 - 86_400_000, to: T0 + 86_400_000 }

let dir: string
let file: string
let history: OpenedHistoryStore
let usage: UsageRepository
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-ledger-'))
  file = join(dir, 'history.db')
  history = openHistoryStore({ file, now: () => T0 })
  usage = createUsageRepository(history.database)
})
afterEach(() => {
  history.close()
  rmSync(dir, { recursive: true, force: true })
})

/** A conversation with one prompt and one run per model given, each ended `done` and sent. */
function conversationWith(models: string[], costUsd = 0.01): string {
  const c = history.createConversation({ title: models.join(' vs '), createdAt: T0 })
  const m = history.addMessage({ conversationId: c.id, content: 'prompt', createdAt: T0 })
  for (const model of models) {
    const run = history.createRun({
      messageId: m.id,
      connectionId: 'work',
      provider: 'openai',
      model,
    })
    history.finishRun(run.id, {
      status: 'done',
      usage: { tokensIn: 100, tokensOut: 10 },
      costUsd,
      sentAt: T0,
    })
  }
  return c.id
}

describe('the usage ledger', () => {
  it('keeps what was spent when a conversation is deleted and when history is cleared', () => {
    const first = conversationWith(['gpt-4.1-mini', 'gpt-4o-mini'])
    conversationWith(['gpt-4.1-mini'], 0.5)
    const before = usage.report(RANGE)
    expect(before.totals).toMatchObject({ requests: 3, tokensIn: 300, costUsd: 0.52 })
    expect(before.rows.map((r) => [r.model, r.requests])).toEqual([
      ['gpt-4.1-mini', 2],
      ['gpt-4o-mini', 1],
    ])

    expect(history.deleteConversation(first)).toBe(true)
    expect(usage.report(RANGE)).toEqual(before)
    expect(history.clear()).toBe(1)
    expect(history.listConversations().items).toEqual([])
    expect(usage.report(RANGE)).toEqual(before)
    expect(usage.spendByConnection(RANGE)).toEqual([
      { connectionId: 'work', requests: 3, costUsd: 0.52 },
    ])
  })

  it('enters only runs that were sent: one stopped in line is not a request', () => {
    const c = history.createConversation({ title: 'queued', createdAt: T0 })
    const m = history.addMessage({ conversationId: c.id, content: 'p', createdAt: T0 })
    const queued = history.createRun({
      messageId: m.id,
      connectionId: 'work',
      provider: 'openai',
      model: 'gpt-4.1-mini',
      status: 'queued',
    })
    history.finishRun(queued.id, { status: 'stopped' })
    expect(usage.report(RANGE).totals.requests).toBe(0)
  })

  it('enters a run left streaming by a crash as interrupted at the next open, once', () => {
    const c = history.createConversation({ title: 'crash', createdAt: T0 })
    const m = history.addMessage({ conversationId: c.id, content: 'p', createdAt: T0 })
    const base = { messageId: m.id, connectionId: 'work', provider: 'openai', model: 'm' }
    history.createRun(base) // streaming: sent when the process died
    history.createRun({ ...base, status: 'queued' }) // never sent
    history.close()
    history = openHistoryStore({ file, now: () => T0 + 1000 })
    usage = createUsageRepository(history.database)
    expect(history.interruptedAtOpen).toBe(2)
    expect(usage.report(RANGE).totals).toMatchObject({ requests: 1, errors: 0 })
    history.close()
    history = openHistoryStore({ file, now: () => T0 + 2000 })
    expect(createUsageRepository(history.database).report(RANGE).totals.requests).toBe(1)
  })

  it('counts unpriced runs and estimated costs from the ledger', () => {
    const c = history.createConversation({ title: 'local', createdAt: T0 })
    const m = history.addMessage({ conversationId: c.id, content: 'p', createdAt: T0 })
    const run = history.createRun({
      messageId: m.id,
      connectionId: 'local',
      provider: 'openai-compatible',
      model: 'llama3.3',
    })
    history.finishRun(run.id, {
      status: 'done',
      usage: { tokensIn: 7, tokensOut: 5 },
      costUsd: null,
      costEstimated: true,
      sentAt: T0,
    })
    history.deleteConversation(c.id)
    expect(usage.report(RANGE).totals).toEqual({
      requests: 1,
      errors: 0,
      tokensIn: 7,
      tokensOut: 5,
      costUsd: 0,
      costEstimated: true,
      unpricedRequests: 1,
    })
  })

  it('takes a run whose history row is gone as given, and replaces it when entered again', () => {
    const entry = {
      runId: 'gone',
      conversationId: 'deleted',
      connectionId: 'work',
      provider: 'openai',
      model: 'gpt-4.1-mini',
      startedAt: T0,
      endedAt: T0 + 500,
      status: 'done' as const,
      tokensIn: 40,
      tokensOut: 4,
      tokensReasoning: null,
      tokensCached: null,
      costUsd: 0.25,
      costEstimated: false,
      priceKnown: true,
    }
    usage.enter(entry)
    usage.enter({ ...entry, tokensOut: 8 })
    expect(usage.report(RANGE).totals).toMatchObject({ requests: 1, tokensOut: 8, costUsd: 0.25 })
  })
})
