/** The sections of the history sidebar, in the order they are shown. */
export type DateBucket = 'pinned' | 'today' | 'yesterday' | 'previous7' | 'previous30' | 'month'

export interface DateGroup<T> {
  /** Stable React key: the bucket, or `month-YYYY-MM` for a month. */
  id: string
  bucket: DateBucket
  /** For a month group: local midnight of the month's first day (format it with formatMonth). */
  monthStart?: number
  items: T[]
}

interface Groupable {
  pinned: boolean
  updatedAt: number
}

const RECENT_ORDER: DateBucket[] = ['pinned', 'today', 'yesterday', 'previous7', 'previous30']

/**
 * Splits conversations into Pinned, Today, Yesterday, Previous 7 days, Previous 30 days and then
 * one group per month (newest first), by local calendar days of `updatedAt`. Items keep their
 * order inside a group; empty groups are left out.
 */
export function groupByDate<T extends Groupable>(items: readonly T[], now: number): DateGroup<T>[] {
  const today = startOfDay(now)
  const bounds = {
    yesterday: addDays(today, -1),
    previous7: addDays(today, -7),
    previous30: addDays(today, -30),
  }
  const recent = new Map<DateBucket, T[]>()
  const months = new Map<number, T[]>()
  for (const item of items) {
    const bucket = item.pinned ? 'pinned' : recentBucket(item.updatedAt, today, bounds)
    if (bucket) {
      push(recent, bucket, item)
    } else {
      push(months, startOfMonth(item.updatedAt), item)
    }
  }
  const groups: DateGroup<T>[] = []
  for (const bucket of RECENT_ORDER) {
    const found = recent.get(bucket)
    if (found) groups.push({ id: bucket, bucket, items: found })
  }
  for (const monthStart of [...months.keys()].sort((a, b) => b - a)) {
    const date = new Date(monthStart)
    const id = `month-${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`
    groups.push({ id, bucket: 'month', monthStart, items: months.get(monthStart) ?? [] })
  }
  return groups
}

/** "March 2026" / "2026년 3월". */
export function formatMonth(monthStart: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long' }).format(monthStart)
}

function recentBucket(
  at: number,
  today: number,
  bounds: { yesterday: number; previous7: number; previous30: number },
): DateBucket | null {
  // A time ahead of the clock (another machine's export, a clock change) counts as today.
  if (at >= today) return 'today'
  if (at >= bounds.yesterday) return 'yesterday'
  if (at >= bounds.previous7) return 'previous7'
  if (at >= bounds.previous30) return 'previous30'
  return null
}

function push<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key)
  if (list) list.push(item)
  else map.set(key, [item])
}

function startOfDay(at: number): number {
  const date = new Date(at)
  date.setHours(0, 0, 0, 0)
  return date.getTime()
}

/** Calendar arithmetic (not 24 h steps), so days across a DST change stay whole. */
function addDays(dayStart: number, days: number): number {
  const date = new Date(dayStart)
  date.setDate(date.getDate() + days)
  return date.getTime()
}

function startOfMonth(at: number): number {
  const date = new Date(at)
  return new Date(date.getFullYear(), date.getMonth(), 1).getTime()
}
