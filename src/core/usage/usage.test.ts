import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openHistoryStore, type OpenedHistoryStore } from '../history'
import { createSpendMonitor, findUnusualSpend } from './spend-monitor'
import { UsageWarningPayloadSchema, type UsageWarningPayload } from '../../shared/usage-schemas'
import { createUsageRepository, type UsageRepository } from './usage-repository'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const T0 = Date.UTC(2026, 2, 10, 12, 0, 0) // a Tuesday, noon UTC

let dir: string
let history: OpenedHistoryStore
let usage: UsageRepository
let clock: number
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-usage-'))
  clock = T0
  history = openHistoryStore({ file: join(dir, 'history.db'), now: () => clock })
  usage = createUsageRepository(history.database)
})
afterEach(() => {
  history.close()
  rmSync(dir, { recursive: true, force: true })
})

interface Fake {
  at: number
  connectionId?: string
  provider?: string
  model?: string
  status?: 'done' | 'error' | 'stopped'
  tokensIn?: number | null
  tokensOut?: number | null
  costUsd?: number | null
  costEstimated?: boolean
}

let messageId: string | undefined
function addRun(f: Fake): void {
  if (!messageId) {
    const c = history.createConversation({ title: 'usage', createdAt: f.at })
    messageId = history.addMessage({ conversationId: c.id, content: 'p', createdAt: f.at }).id
  }
  const run = history.createRun({
    messageId,
    connectionId: f.connectionId ?? 'work',
    provider: f.provider ?? 'openai',
    model: f.model ?? 'gpt-4.1-mini',
    createdAt: f.at,
  })
  history.finishRun(run.id, {
    status: f.status ?? 'done',
    usage: { tokensIn: f.tokensIn ?? 100, tokensOut: f.tokensOut ?? 10 },
    costUsd: f.costUsd === undefined ? 0.01 : f.costUsd,
    costEstimated: f.costEstimated ?? false,
    sentAt: f.at,
  })
}
beforeEach(() => {
  messageId = undefined
})

describe('usage by day', () => {
  it('groups requests, tokens and cost per day, connection, provider and model', () => {
    addRun({ at: T0 - DAY, tokensIn: 100, tokensOut: 10, costUsd: 0.5 })
    addRun({ at: T0, tokensIn: 200, tokensOut: 20, costUsd: 0.25 })
    addRun({ at: T0 + HOUR, tokensIn: 300, tokensOut: 30, costUsd: 0.25, status: 'error' })
    addRun({ at: T0 + HOUR, connectionId: 'home', model: 'gpt-4o-mini', costUsd: 0.125 })
    addRun({
      at: T0 + 2 * HOUR,
      provider: 'openai-compatible',
      connectionId: 'local',
      model: 'llama3.3',
      tokensIn: 7,
      tokensOut: 5,
      costUsd: null,
      costEstimated: true,
    })
    addRun({ at: T0 + 5 * DAY }) // outside the range
    const { rows, totals } = usage.report({ from: T0 - DAY, to: T0 + DAY })
    expect(rows).toEqual([
      {
        day: '2026-03-09',
        connectionId: 'work',
        provider: 'openai',
        model: 'gpt-4.1-mini',
        requests: 1,
        errors: 0,
        tokensIn: 100,
        tokensOut: 10,
        tokensReasoning: 0,
        tokensCached: 0,
        costUsd: 0.5,
        costEstimated: false,
        unpricedRequests: 0,
      },
      expect.objectContaining({ day: '2026-03-10', connectionId: 'home', model: 'gpt-4o-mini' }),
      expect.objectContaining({
        day: '2026-03-10',
        connectionId: 'local',
        costUsd: null,
        costEstimated: true,
        unpricedRequests: 1,
        tokensOut: 5,
      }),
      expect.objectContaining({
        day: '2026-03-10',
        connectionId: 'work',
        requests: 2,
        errors: 1,
        tokensIn: 500,
        tokensOut: 50,
        costUsd: 0.5,
      }),
    ])
    expect(totals).toEqual({
      requests: 5,
      errors: 1,
      tokensIn: 100 + 500 + 100 + 7,
      tokensOut: 10 + 50 + 10 + 5,
      costUsd: 1.125,
      costEstimated: true,
      unpricedRequests: 1,
    })
    expect(usage.report({ from: T0 - DAY, to: T0 + DAY, connectionId: 'home' }).rows).toHaveLength(
      1,
    )
    expect(usage.report({ from: T0 - DAY, to: T0 + DAY, model: 'llama3.3' }).totals).toMatchObject({
      requests: 1,
    })
    expect(() => usage.report({ from: 2, to: 1 })).toThrow(/from ≤ to/)
  })

  it('cuts days at local midnight for a UTC offset', () => {
    addRun({ at: Date.UTC(2026, 2, 10, 14, 30) }) // 23:30 in Seoul
    addRun({ at: Date.UTC(2026, 2, 10, 15, 30) }) // 00:30 the next day in Seoul
    const range = { from: T0 - DAY, to: T0 + DAY }
    expect(usage.report(range).rows.map((r) => [r.day, r.requests])).toEqual([['2026-03-10', 2]])
    expect(
      usage.report({ ...range, utcOffsetMinutes: 540 }).rows.map((r) => [r.day, r.requests]),
    ).toEqual([
      ['2026-03-10', 1],
      ['2026-03-11', 1],
    ])
  })
})

describe('the unusual-spend warning', () => {
  /** 'work': 10 requests at $0.02 in each of 20 active hours over the past week. */
  function normalWeek(): void {
    for (let h = 0; h < 20; h++) {
      const hourStart = T0 - HOUR - (h * 7 + 3) * HOUR
      for (let i = 0; i < 10; i++) addRun({ at: hourStart + i * 60_000, costUsd: 0.002 })
    }
  }
  function burst(connectionId: string, count: number, costUsd: number): void {
    for (let i = 0; i < count; i++) {
      addRun({ at: T0 - HOUR + 1000 + i * 10_000, connectionId, costUsd })
    }
  }

  it('warns when the last hour is far above the connection’s own norm and above the floor', () => {
    normalWeek()
    burst('work', 120, 0.05) // 120 requests, $6 vs a norm of 10 and $0.02
    burst('busy-but-normal', 30, 0.01)
    const warnings = findUnusualSpend(usage, T0)
    expect(warnings).toHaveLength(1)
    const [warning] = warnings as [UsageWarningPayload]
    expect(UsageWarningPayloadSchema.parse(warning)).toEqual(warning)
    expect(warning).toMatchObject({
      id: `work@${Math.floor(T0 / HOUR)}`,
      kind: 'hourly',
      connectionId: 'work',
      window: { from: T0 - HOUR, to: T0 },
      requests: { observed: 120, norm: 10 },
      costUsd: { observed: 6, norm: 0.02 },
      triggeredBy: ['requests', 'cost'],
      multiplier: 5,
    })
    expect(warning.message).toMatch(/120 requests/)
  })

  it('does not warn for normal use, below the floor, or at 5× exactly', () => {
    normalWeek()
    burst('work', 50, 0.002) // 5 × the norm of 10 is not above 5 ×; $0.10 is under the $1 floor
    burst('new-connection', 40, 0.01) // no history: norm 0, but under the 50-request floor
    expect(findUnusualSpend(usage, T0)).toEqual([])
    expect(findUnusualSpend(usage, T0, { minRequests: 30 })).toMatchObject([
      { connectionId: 'new-connection', triggeredBy: ['requests'] },
    ])
  })

  it('uses only the connection’s own norm', () => {
    // 'other' is used heavily every hour; that must not raise the norm of 'work'.
    for (let h = 2; h < 40; h++) {
      for (let i = 0; i < 5; i++) {
        addRun({ at: T0 - h * HOUR + i * 1000, connectionId: 'other', costUsd: 1 })
      }
    }
    for (let h = 2; h < 10; h++) addRun({ at: T0 - h * HOUR, connectionId: 'work', costUsd: 0.1 })
    burst('work', 60, 0.05)
    expect(findUnusualSpend(usage, T0).map((w) => [w.connectionId, w.triggeredBy])).toEqual([
      ['work', ['requests', 'cost']],
    ])
  })

  it('emits usage.warning once per cooldown, with a controlled clock', () => {
    normalWeek()
    burst('work', 120, 0.05)
    const emitted: UsageWarningPayload[] = []
    const monitor = createSpendMonitor({
      usage,
      emit: (event, payload) => {
        expect(event).toBe('usage.warning')
        emitted.push(payload)
      },
      now: () => clock,
    })
    expect(monitor.check()).toHaveLength(1)
    expect(monitor.check()).toHaveLength(0)
    clock = T0 + 30 * 60_000 // half the burst still inside the window, still in the cooldown
    expect(monitor.check('work')).toHaveLength(0)
    burst('work', 200, 0.05)
    clock = T0 + HOUR - 1
    expect(monitor.check('work')).toHaveLength(0)
    clock = T0 + HOUR
    expect(monitor.check('work')).toHaveLength(0) // the burst left the window
    expect(emitted).toHaveLength(1)
  })

  it('afterRun checks a connection at most every checkEveryMs', () => {
    normalWeek()
    const emitted: UsageWarningPayload[] = []
    const monitor = createSpendMonitor({
      usage,
      emit: (_event, payload) => emitted.push(payload),
      now: () => clock,
      checkEveryMs: 60_000,
    })
    monitor.afterRun({ connectionId: 'work' }) // checked: nothing unusual yet
    burst('work', 120, 0.05)
    clock = T0 + 30_000
    monitor.afterRun({ connectionId: 'work' }) // throttled
    expect(emitted).toHaveLength(0)
    clock = T0 + 60_000
    monitor.afterRun({ connectionId: 'work' })
    expect(emitted.map((w) => w.connectionId)).toEqual(['work'])
  })
})
