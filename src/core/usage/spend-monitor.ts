import type { UsageEmit, UsageWarningPayload } from '../../shared/usage-schemas'
import type { UsageRepository } from './usage-repository'

const HOUR = 3_600_000

export interface SpendThresholds {
  /** How far above the norm counts as unusual. Default 5. */
  multiplier?: number
  /** The window checked, ending now. Default 1 hour. */
  windowMs?: number
  /** How far back the norm looks (before the window). Default 7 days. */
  baselineMs?: number
  /** Requests in the window below this never warn. Default 50. */
  minRequests?: number
  /** Spend (USD) in the window below this never warns. Default 1. */
  minCostUsd?: number
}

const DEFAULTS: Required<SpendThresholds> = {
  multiplier: 5,
  windowMs: HOUR,
  baselineMs: 7 * 24 * HOUR,
  minRequests: 50,
  minCostUsd: 1,
}

/**
 * Connections whose requests or spend in the last window are more than `multiplier` × their own
 * norm and above an absolute floor. The norm is the median over the hours of the baseline in
 * which the connection was used at all: a median over every hour would be 0 for anyone who does
 * not use the app around the clock, and the check would collapse into the floor alone.
 */
export function findUnusualSpend(
  usage: UsageRepository,
  now: number,
  thresholds: SpendThresholds = {},
  connectionId?: string,
): UsageWarningPayload[] {
  const t = { ...DEFAULTS, ...thresholds }
  const windowFrom = now - t.windowMs
  const baselineFrom = windowFrom - t.baselineMs
  const current = usage.spendByConnection({ from: windowFrom, to: now, connectionId })
  if (current.length === 0) return []
  const hours = usage.spendByConnectionHour({ from: baselineFrom, to: windowFrom, connectionId })
  const warnings: UsageWarningPayload[] = []
  for (const row of current) {
    const own = hours.filter((h) => h.connectionId === row.connectionId)
    const norm = {
      requests: median(own.map((h) => h.requests)),
      cost: median(own.map((h) => h.costUsd)),
    }
    const { requests, costUsd: cost } = row
    const triggeredBy: UsageWarningPayload['triggeredBy'] = []
    if (requests >= t.minRequests && requests > t.multiplier * norm.requests) {
      triggeredBy.push('requests')
    }
    if (cost >= t.minCostUsd && cost > t.multiplier * norm.cost) triggeredBy.push('cost')
    if (triggeredBy.length === 0) continue
    warnings.push({
      connectionId: row.connectionId,
      window: { from: windowFrom, to: now },
      requests: { observed: requests, norm: norm.requests },
      costUsd: { observed: round(cost), norm: round(norm.cost) },
      triggeredBy,
      multiplier: t.multiplier,
      at: now,
      message:
        `Unusual use of this connection in the last ${Math.round(t.windowMs / 60_000)} minutes: ` +
        `${requests} requests and $${cost.toFixed(2)} against a usual ${norm.requests} requests ` +
        `and $${norm.cost.toFixed(2)} per active hour. If that was not you, the key may have ` +
        `leaked: revoke it at the provider.`,
    })
  }
  return warnings
}

export interface SpendMonitorOptions {
  usage: UsageRepository
  emit: UsageEmit
  now?: () => number
  thresholds?: SpendThresholds
  /** A connection that warned is not warned about again for this long. Default 1 hour. */
  cooldownMs?: number
  /** afterRun() checks a connection at most this often. Default 60 s. */
  checkEveryMs?: number
}

export interface SpendMonitor {
  /** Checks now (one connection or all) and emits `usage.warning` for new findings. */
  check(connectionId?: string): UsageWarningPayload[]
  /** For the runner's onRunEnd: a throttled check of the run's connection. */
  afterRun(run: { connectionId: string }): void
}

/** Emits `usage.warning` when a connection's use jumps far above its own norm. */
export function createSpendMonitor(options: SpendMonitorOptions): SpendMonitor {
  const now = options.now ?? Date.now
  const cooldownMs = options.cooldownMs ?? HOUR
  const checkEveryMs = options.checkEveryMs ?? 60_000
  const warnedAt = new Map<string, number>()
  const checkedAt = new Map<string, number>()

  const check = (connectionId?: string): UsageWarningPayload[] => {
    const at = now()
    const fresh = findUnusualSpend(options.usage, at, options.thresholds, connectionId).filter(
      (w) => at - (warnedAt.get(w.connectionId) ?? Number.NEGATIVE_INFINITY) >= cooldownMs,
    )
    for (const warning of fresh) {
      warnedAt.set(warning.connectionId, at)
      options.emit('usage.warning', warning)
    }
    return fresh
  }

  return {
    check,
    afterRun(run) {
      const at = now()
      if (at - (checkedAt.get(run.connectionId) ?? Number.NEGATIVE_INFINITY) < checkEveryMs) return
      checkedAt.set(run.connectionId, at)
      check(run.connectionId)
    },
  }
}

function median(values: number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

function round(usd: number): number {
  return Math.round(usd * 1e6) / 1e6
}
