export type RangeDays = 7 | 30 | 90

export interface UsageRange {
  /** Local midnight at the start of the first day, ms since the epoch. */
  from: number
  /** Local midnight after today (exclusive). */
  to: number
  /** YYYY-MM-DD of every day in the range, oldest first, as the host names them. */
  days: string[]
}

/** YYYY-MM-DD of a date in local time. */
export function localDayKey(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0')
  const day = String(date.getDate()).padStart(2, '0')
  return `${date.getFullYear()}-${month}-${day}`
}

/** The last `count` days up to and including today, cut at local midnight. */
export function usageRange(count: number, now: Date): UsageRange {
  const year = now.getFullYear()
  const month = now.getMonth()
  const date = now.getDate()
  const days: string[] = []
  for (let i = count - 1; i >= 0; i--) days.push(localDayKey(new Date(year, month, date - i)))
  return {
    from: new Date(year, month, date - (count - 1)).getTime(),
    to: new Date(year, month, date + 1).getTime(),
    days,
  }
}
