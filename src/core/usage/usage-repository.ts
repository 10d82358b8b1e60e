import type { DatabaseSync } from 'node:sqlite'
import type { AppDatabase } from '../database/app-database'
import { handleOf } from '../database/database-handle'
import { InputError } from '../errors/domain-errors'
import { enterLedgerEntry, type LedgerEntry } from './usage-ledger'

const HOUR = 3_600_000

export interface UsageQuery {
  /** Start of the range, ms since the epoch (inclusive). */
  from: number
  /** End of the range, ms since the epoch (exclusive). */
  to: number
  /** Days are cut at local midnight for this offset from UTC (e.g. 540 for Seoul). Default 0. */
  utcOffsetMinutes?: number
  connectionId?: string
  provider?: string
  model?: string
}

export interface UsageRow {
  /** YYYY-MM-DD in the requested offset. */
  day: string
  connectionId: string | null
  provider: string
  model: string
  /** Every run sent in the range, whatever its end (errors and stops count as requests). */
  requests: number
  errors: number
  tokensIn: number
  tokensOut: number
  tokensReasoning: number
  tokensCached: number
  /** Sum of the known costs; null when no run of the group has one. */
  costUsd: number | null
  /** Some of the group's costs rest on estimated token counts or an unknown price. */
  costEstimated: boolean
  /** Runs that produced tokens but whose model has no price. */
  unpricedRequests: number
}

export interface UsageTotals {
  requests: number
  errors: number
  tokensIn: number
  tokensOut: number
  costUsd: number
  costEstimated: boolean
  unpricedRequests: number
}

export interface UsageReport {
  rows: UsageRow[]
  totals: UsageTotals
}

/** One connection's requests and spend over a range, or over one hour of it. */
export interface ConnectionSpend {
  connectionId: string
  requests: number
  costUsd: number
}

export interface SpendRange {
  /** Start, ms since the epoch (inclusive). */
  from: number
  /** End, ms since the epoch (exclusive). */
  to: number
  /** Only this connection (default: every connection). */
  connectionId?: string | undefined
}

/**
 * Usage, from the usage ledger in the app database (usage-ledger.ts): one row per run sent to a
 * provider, kept when history is deleted or cleared. Spend counts runs with a connection only.
 */
export interface UsageRepository {
  /** Requests, tokens and cost per day, connection, provider and model. */
  report(query: UsageQuery): UsageReport
  /** Each connection's requests and spend in the range. */
  spendByConnection(range: SpendRange): ConnectionSpend[]
  /** The same per hour counted from `range.from`: one entry for each hour a connection was used. */
  spendByConnectionHour(range: SpendRange): ConnectionSpend[]
  /** Enters a run the runner could not save with its history row (its conversation was deleted). */
  enter(entry: LedgerEntry): void
}

export function createUsageRepository(database: AppDatabase): UsageRepository {
  const db = handleOf(database)
  return {
    report: (query) => queryUsage(db, query),
    spendByConnection: (range) => querySpend(db, range, false),
    spendByConnectionHour: (range) => querySpend(db, range, true),
    enter: (entry) => enterLedgerEntry(db, entry),
  }
}

/**
 * Requests, tokens and cost per day, connection, provider and model, computed with one grouped
 * query over the ledger (see docs/runs.md for its cost).
 */
function queryUsage(db: DatabaseSync, query: UsageQuery): UsageReport {
  if (!Number.isFinite(query.from) || !Number.isFinite(query.to) || query.to < query.from) {
    throw new InputError('A usage query needs finite from ≤ to (ms since the epoch).', {
      field: 'to',
      code: 'usage_bad_range',
    })
  }
  const offsetMs = Math.round((query.utcOffsetMinutes ?? 0) * 60_000)
  const where = ['started_at >= ?', 'started_at < ?']
  const params: (string | number)[] = [offsetMs, query.from, query.to]
  for (const [column, value] of [
    ['connection_id', query.connectionId],
    ['provider', query.provider],
    ['model', query.model],
  ] as const) {
    if (value === undefined) continue
    where.push(`${column} = ?`)
    params.push(value)
  }
  const rows = db
    .prepare(
      `SELECT date((started_at + ?) / 1000, 'unixepoch') AS day, connection_id, provider, model,
         count(*) AS requests,
         sum(status = 'error') AS errors,
         total(tokens_in) AS tokens_in, total(tokens_out) AS tokens_out,
         total(tokens_reasoning) AS tokens_reasoning, total(tokens_cached) AS tokens_cached,
         sum(cost_usd) AS cost_usd,
         max(cost_estimated) AS cost_estimated,
         sum(price_known = 0) AS unpriced
       FROM usage_ledger WHERE ${where.join(' AND ')}
       GROUP BY day, connection_id, provider, model
       ORDER BY day, connection_id, provider, model`,
    )
    .all(...params)
    .map((r): UsageRow => ({
      day: String(r.day),
      connectionId: r.connection_id === null ? null : String(r.connection_id),
      provider: String(r.provider),
      model: String(r.model),
      requests: Number(r.requests),
      errors: Number(r.errors),
      tokensIn: Number(r.tokens_in),
      tokensOut: Number(r.tokens_out),
      tokensReasoning: Number(r.tokens_reasoning),
      tokensCached: Number(r.tokens_cached),
      costUsd: r.cost_usd === null ? null : Number(r.cost_usd),
      costEstimated: Number(r.cost_estimated) === 1,
      unpricedRequests: Number(r.unpriced),
    }))
  const totals: UsageTotals = {
    requests: 0,
    errors: 0,
    tokensIn: 0,
    tokensOut: 0,
    costUsd: 0,
    costEstimated: false,
    unpricedRequests: 0,
  }
  for (const row of rows) {
    totals.requests += row.requests
    totals.errors += row.errors
    totals.tokensIn += row.tokensIn
    totals.tokensOut += row.tokensOut
    totals.costUsd += row.costUsd ?? 0
    totals.costEstimated ||= row.costEstimated
    totals.unpricedRequests += row.unpricedRequests
  }
  return { rows, totals }
}

function querySpend(db: DatabaseSync, range: SpendRange, perHour: boolean): ConnectionSpend[] {
  const filter = range.connectionId === undefined ? '' : 'AND connection_id = ?'
  const extra = range.connectionId === undefined ? [] : [range.connectionId]
  // Per hour: the hour a run falls in, counted from the range's start.
  const hour = perHour ? `, CAST((started_at - ?) / ${HOUR} AS INTEGER)` : ''
  return db
    .prepare(
      `SELECT connection_id, count(*) AS requests, total(cost_usd) AS cost FROM usage_ledger
       WHERE started_at >= ? AND started_at < ? AND connection_id IS NOT NULL ${filter}
       GROUP BY connection_id${hour}`,
    )
    .all(range.from, range.to, ...extra, ...(perHour ? [range.from] : []))
    .map((row) => ({
      connectionId: String(row.connection_id),
      requests: Number(row.requests),
      costUsd: Number(row.cost),
    }))
}
