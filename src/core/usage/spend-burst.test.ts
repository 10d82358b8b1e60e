import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openHistoryStore, type OpenedHistoryStore } from '../history'
import { UsageWarningPayloadSchema, type UsageWarningPayload } from '../../shared/usage-schemas'
import { createSpendMonitor, type SpendMonitor } from './spend-monitor'
import { createUsageRepository, type UsageRepository } from './usage-repository'

const HOUR = 3_600_000
const T0 = Date.UTC(2026, 2, 10, 12, 0, 0)

let dir: string
let history: OpenedHistoryStore
let clock: number
let emitted: { at: number; warning: UsageWarningPayload }[]
let monitor: SpendMonitor
let usage: UsageRepository
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-burst-'))
  clock = T0
  history = openHistoryStore({ file: join(dir, 'history.db'), now: () => clock })
  emitted = []
  usage = createUsageRepository(history.database)
  monitor = createSpendMonitor({
    usage,
    emit: (event, warning) => {
      expect(event).toBe('usage.warning')
      emitted.push({ at: clock, warning })
    },
    now: () => clock,
  })
})
afterEach(() => {
  history.close()
  rmSync(dir, { recursive: true, force: true })
})

/** `perHour` sent runs on `connectionId` in each of `hours` hours before T0, in the ledger. */
function usualUse(connectionId: string, perHour: number, hours: number): void {
  history.database.transaction(() => {
    for (let h = 1; h <= hours; h++) {
      for (let i = 0; i < perHour; i++) {
        const at = T0 - (h + 1) * HOUR + Math.floor((i * HOUR) / perHour)
        usage.enter({
          runId: `${connectionId}-${h}-${i}`,
          conversationId: null,
          connectionId,
          provider: 'openai',
          model: 'gpt-4.1-mini',
          startedAt: at,
          endedAt: at + 500,
          status: 'done',
          tokensIn: 100,
          tokensOut: 10,
          tokensReasoning: null,
          tokensCached: null,
          costUsd: 0.001,
          costEstimated: false,
          priceKnown: true,
        })
      }
    }
  })
}

/** Starts `count` runs evenly over `spanMs` from the clock's time; returns when each started. */
function startRuns(connectionId: string, count: number, spanMs: number): number[] {
  const start = clock
  const times: number[] = []
  for (let i = 0; i < count; i++) {
    clock = start + Math.round((i * spanMs) / count)
    times.push(clock)
    monitor.runStarted({ connectionId })
  }
  return times
}

describe('a burst of requests', () => {
  it('raises the warning within 3 s of crossing the threshold: 56 requests in 15 s', () => {
    usualUse('work', 10, 20)
    const started = startRuns('work', 56, 15_000)
    expect(emitted).toHaveLength(1)
    const [{ at, warning }] = emitted as [(typeof emitted)[number]]
    // The threshold (30 in 15 s) is crossed by the 30th request; the warning comes at once.
    const crossed = started[29] as number
    expect(at - crossed).toBeLessThanOrEqual(3000)
    expect(at).toBe(crossed)
    expect(UsageWarningPayloadSchema.parse(warning)).toEqual(warning)
    expect(warning).toMatchObject({
      id: `work@${Math.floor(crossed / HOUR)}`,
      kind: 'burst',
      connectionId: 'work',
      window: { from: crossed - 15_000, to: crossed },
      requests: { observed: 30, norm: 10 },
      triggeredBy: ['requests'],
    })
    expect(warning.message).toMatch(/30 requests on this connection in 15 seconds/)
  })

  it('warns about a burst on a connection with no history at all', () => {
    startRuns('new', 56, 15_000)
    expect(emitted.map((e) => e.warning.connectionId)).toEqual(['new'])
  })

  it('stays quiet at a person’s pace: eight-model comparisons back to back for 10 minutes', () => {
    usualUse('work', 10, 20)
    for (let turn = 0; turn < 30; turn++) {
      startRuns('work', 8, 50) // one comparison: eight runs at once
      clock += 20_000
      monitor.afterRun({ connectionId: 'work' })
    }
    expect(emitted).toEqual([])
  })

  it('stays quiet when the connection usually runs this fast', () => {
    usualUse('batch', 6000, 1) // its busiest hour: at least 3000, 12.5 per 15 s; 5 × is 62.5
    startRuns('batch', 56, 15_000)
    expect(emitted).toEqual([])
  })

  it('counts only the last 15 s, and warns once per cooldown', () => {
    startRuns('work', 25, 15_000)
    clock += 20_000
    startRuns('work', 25, 15_000) // 50 requests, but never 30 within 15 s
    expect(emitted).toEqual([])
    startRuns('work', 56, 15_000)
    startRuns('work', 56, 15_000)
    expect(emitted).toHaveLength(1)
    clock += HOUR
    startRuns('work', 56, 15_000)
    expect(emitted).toHaveLength(2)
    expect(emitted[1]?.warning.id).not.toBe(emitted[0]?.warning.id)
  })
})
