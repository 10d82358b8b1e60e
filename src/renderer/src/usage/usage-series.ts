import type { MethodOutput } from '../../../shared/contract'

export type UsageReport = MethodOutput<'usage.report'>
export type UsageRow = UsageReport['rows'][number]
export type UsageMetric = 'cost' | 'tokens'

export interface Series {
  key: string
  provider: string
  model: string
  total: number
}

export interface DayStack {
  day: string
  total: number
  /** One value per series, in the order of `series` (0 where the model was not used). */
  values: number[]
}

export interface DailyStacks {
  series: Series[]
  days: DayStack[]
  max: number
  total: number
}

export function seriesKey(row: Pick<UsageRow, 'provider' | 'model'>): string {
  return `${row.provider}\u0000${row.model}`
}

export function metricValue(row: UsageRow, metric: UsageMetric): number {
  return metric === 'cost' ? (row.costUsd ?? 0) : row.tokensIn + row.tokensOut
}

/**
 * One stack per day, one segment per provider·model (connections of the same model are added
 * together). Series are ordered biggest first so that colors follow importance.
 */
export function buildDailyStacks(
  rows: readonly UsageRow[],
  days: readonly string[],
  metric: UsageMetric,
): DailyStacks {
  const byKey = new Map<string, Series>()
  for (const row of rows) {
    const key = seriesKey(row)
    const series = byKey.get(key) ?? { key, provider: row.provider, model: row.model, total: 0 }
    series.total += metricValue(row, metric)
    byKey.set(key, series)
  }
  const series = [...byKey.values()].sort(
    (a, b) =>
      b.total - a.total || a.provider.localeCompare(b.provider) || a.model.localeCompare(b.model),
  )
  const index = new Map(series.map((s, i) => [s.key, i]))
  const stacks = new Map(
    days.map((day) => [day, { day, total: 0, values: series.map(() => 0) } satisfies DayStack]),
  )
  for (const row of rows) {
    const stack = stacks.get(row.day)
    const at = index.get(seriesKey(row))
    if (!stack || at === undefined) continue
    const value = metricValue(row, metric)
    stack.values[at] = (stack.values[at] ?? 0) + value
    stack.total += value
  }
  const list = [...stacks.values()]
  return {
    series,
    days: list,
    max: Math.max(0, ...list.map((d) => d.total)),
    total: list.reduce((sum, d) => sum + d.total, 0),
  }
}

export interface ModelSummary {
  key: string
  provider: string
  model: string
  requests: number
  errors: number
  tokensIn: number
  tokensOut: number
  /** Null when no request of the model had a known price. */
  costUsd: number | null
  costEstimated: boolean
}

/** The whole range per provider·model, most expensive (then busiest) first. */
export function summarizeByModel(rows: readonly UsageRow[]): ModelSummary[] {
  const byKey = new Map<string, ModelSummary>()
  for (const row of rows) {
    const key = seriesKey(row)
    const sum = byKey.get(key) ?? {
      key,
      provider: row.provider,
      model: row.model,
      requests: 0,
      errors: 0,
      tokensIn: 0,
      tokensOut: 0,
      costUsd: null,
      costEstimated: false,
    }
    sum.requests += row.requests
    sum.errors += row.errors
    sum.tokensIn += row.tokensIn
    sum.tokensOut += row.tokensOut
    if (row.costUsd !== null) sum.costUsd = (sum.costUsd ?? 0) + row.costUsd
    sum.costEstimated ||= row.costEstimated
    byKey.set(key, sum)
  }
  return [...byKey.values()].sort(
    (a, b) => (b.costUsd ?? 0) - (a.costUsd ?? 0) || b.requests - a.requests,
  )
}
