import type { Language } from '../i18n/i18n'
import { formatApprox, formatMoney, formatTokens } from '../i18n/format-numbers'

export interface UsageFormat {
  count(value: number): string
  /** Short token counts for axis labels: 12K, 1.2M, as everywhere else. */
  tokens(value: number): string
  usd(value: number): string
  /** A cost, marked approximate ("≈ $1.20", "약 US$1.20") when part of it is estimated. */
  cost(value: number, estimated: boolean): string
  /** Short date of a YYYY-MM-DD day, e.g. "Mar 5" or "3월 5일". */
  day(day: string): string
}

/** Number, currency and date formats of the current language. */
export function createUsageFormat(language: Language): UsageFormat {
  const count = new Intl.NumberFormat(language, { maximumFractionDigits: 0 })
  const day = new Intl.DateTimeFormat(language, { month: 'short', day: 'numeric', timeZone: 'UTC' })
  return {
    count: (value) => count.format(value),
    tokens: (value) => formatTokens(value),
    usd: (value) => formatMoney(value, language),
    cost: (value, estimated) =>
      estimated
        ? formatApprox(formatMoney(value, language), language)
        : formatMoney(value, language),
    day: (key) => day.format(new Date(`${key}T00:00:00Z`)),
  }
}
