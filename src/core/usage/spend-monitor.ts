import type { UsageEmit, UsageWarningPayload } from '../../shared/usage-schemas'
import { BurstWindow } from './burst-window'
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

/** A burst: many requests started within seconds, checked as each run starts and ends. */
export interface BurstThresholds {
  /** The sliding window, ending now. Default 15 s. */
  windowMs?: number
  /**
   * Requests started in the window below this never warn. Default 30: a person comparing eight
   * models, clicking as fast as answers allow, stays well under it; a script does not.
   */
  minRequests?: number
  /** How far above the connection's usual rate (its hourly norm scaled to the window). Default 5. */
  multiplier?: number
}

const BURST_DEFAULTS: Required<BurstThresholds> = {
  windowMs: 15_000,
  minRequests: 30,
  multiplier: 5,
}

/** One warning per connection per clock hour: its id, the same however often it is raised. */
export function warningId(connectionId: string, at: number): string {
  return `${connectionId}@${Math.floor(at / HOUR)}`
}

/** The connection's usual requests and spend per active hour, over the baseline before `before`. */
function normOf(
  usage: UsageRepository,
  connectionId: string,
  before: number,
  baselineMs: number,
): { requests: number; cost: number } {
  const hours = usage.spendByConnectionHour({ from: before - baselineMs, to: before, connectionId })
  const own = hours.filter((h) => h.connectionId === connectionId)
  return { requests: median(own.map((h) => h.requests)), cost: median(own.map((h) => h.costUsd)) }
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
      id: warningId(row.connectionId, now),
      kind: 'hourly',
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

/**
 * A burst warning when `count` requests started on the connection in the window ending `at` are
 * above the floor and far above its usual rate; none otherwise.
 */
export function findBurst(
  usage: UsageRepository,
  connectionId: string,
  count: number,
  at: number,
  thresholds: BurstThresholds = {},
  baselineMs = DEFAULTS.baselineMs,
): UsageWarningPayload | null {
  const t = { ...BURST_DEFAULTS, ...thresholds }
  if (count < t.minRequests) return null
  const from = at - t.windowMs
  const norm = normOf(usage, connectionId, from, baselineMs)
  if (count <= t.multiplier * norm.requests * (t.windowMs / HOUR)) return null
  const [spent] = usage.spendByConnection({ from, to: at + 1, connectionId })
  const seconds = Math.round(t.windowMs / 1000)
  return {
    id: warningId(connectionId, at),
    kind: 'burst',
    connectionId,
    window: { from, to: at },
    requests: { observed: count, norm: norm.requests },
    costUsd: { observed: round(spent?.costUsd ?? 0), norm: round(norm.cost) },
    triggeredBy: ['requests'],
    multiplier: t.multiplier,
    at,
    message:
      `${count} requests on this connection in ${seconds} seconds, against a usual ` +
      `${norm.requests} requests per active hour. If that was not you, the key may have ` +
      `leaked: revoke it at the provider.`,
  }
}

export interface SpendMonitorOptions {
  usage: UsageRepository
  emit: UsageEmit
  now?: () => number
  thresholds?: SpendThresholds
  burst?: BurstThresholds
  /** A connection that warned is not warned about again for this long. Default 1 hour. */
  cooldownMs?: number
  /** afterRun() checks a connection's last hour at most this often. Default 60 s. */
  checkEveryMs?: number
}

export interface SpendMonitor {
  /** Checks the last hour now (one connection or all) and emits `usage.warning` for new findings. */
  check(connectionId?: string): UsageWarningPayload[]
  /** For the runner's onRunStart: notes the request and checks for a burst at once. */
  runStarted(run: { connectionId: string }): void
  /** For the runner's onRunEnd: a burst check, then a throttled check of the last hour. */
  afterRun(run: { connectionId: string }): void
}

/**
 * Emits `usage.warning` when a connection's use jumps far above its own norm: a burst of requests
 * within seconds (checked on every run start and end, from memory), or an unusual last hour
 * (checked from the usage ledger at most every `checkEveryMs`). One warning per connection per
 * cooldown, whichever kind comes first.
 */
export function createSpendMonitor(options: SpendMonitorOptions): SpendMonitor {
  const now = options.now ?? Date.now
  const cooldownMs = options.cooldownMs ?? HOUR
  const checkEveryMs = options.checkEveryMs ?? 60_000
  const window = new BurstWindow(options.burst?.windowMs ?? BURST_DEFAULTS.windowMs)
  const warnedAt = new Map<string, number>()
  const checkedAt = new Map<string, number>()

  const cooling = (connectionId: string, at: number): boolean =>
    at - (warnedAt.get(connectionId) ?? Number.NEGATIVE_INFINITY) < cooldownMs

  const raise = (warning: UsageWarningPayload): void => {
    warnedAt.set(warning.connectionId, warning.at)
    options.emit('usage.warning', warning)
  }

  const check = (connectionId?: string): UsageWarningPayload[] => {
    const at = now()
    const fresh = findUnusualSpend(options.usage, at, options.thresholds, connectionId).filter(
      (w) => !cooling(w.connectionId, at),
    )
    fresh.forEach(raise)
    return fresh
  }

  const checkBurst = (connectionId: string, count: number, at: number): void => {
    if (cooling(connectionId, at)) return
    const baselineMs = options.thresholds?.baselineMs
    const warning = findBurst(options.usage, connectionId, count, at, options.burst, baselineMs)
    if (warning) raise(warning)
  }

  return {
    check,
    runStarted(run) {
      const at = now()
      checkBurst(run.connectionId, window.add(run.connectionId, at), at)
    },
    afterRun(run) {
      const at = now()
      checkBurst(run.connectionId, window.count(run.connectionId, at), at)
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
