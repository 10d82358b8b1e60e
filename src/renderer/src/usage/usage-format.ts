export interface UsageFormat {
  count(value: number): string
  /** Short form for axis labels: 12K, 1.2M. */
  compact(value: number): string
  usd(value: number): string
  /** Short date of a YYYY-MM-DD day, e.g. "Mar 5" or "3월 5일". */
  day(day: string): string
}

/** Number, currency and date formats of the current language. */
export function createUsageFormat(language: string): UsageFormat {
  const count = new Intl.NumberFormat(language, { maximumFractionDigits: 0 })
  const compact = new Intl.NumberFormat(language, {
    notation: 'compact',
    maximumFractionDigits: 1,
  })
  const usd = new Intl.NumberFormat(language, { style: 'currency', currency: 'USD' })
  // Cents hide most single requests, so amounts under a dollar show four decimals.
  const smallUsd = new Intl.NumberFormat(language, {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
  })
  const day = new Intl.DateTimeFormat(language, { month: 'short', day: 'numeric', timeZone: 'UTC' })
  return {
    count: (value) => count.format(value),
    compact: (value) => compact.format(value),
    usd: (value) => (value !== 0 && Math.abs(value) < 1 ? smallUsd : usd).format(value),
    day: (key) => day.format(new Date(`${key}T00:00:00Z`)),
  }
}
