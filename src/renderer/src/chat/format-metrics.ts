/** Short, locale-aware numbers for run footers and summaries. */

// Footers re-render on every streamed batch: build each formatter once.
const formatters = new Map<string, Intl.NumberFormat>()
function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let found = formatters.get(key)
  if (!found) formatters.set(key, (found = new Intl.NumberFormat(locale, options)))
  return found
}
export function formatSeconds(ms: number | null | undefined, locale: string): string {
  if (ms === null || ms === undefined) return '—'
  const seconds = ms / 1000
  return `${formatter(locale, { maximumFractionDigits: seconds < 10 ? 2 : 1 }).format(seconds)} s`
}

export function formatRate(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '—'
  return formatter(locale, { maximumFractionDigits: value < 100 ? 1 : 0 }).format(value)
}

export function formatCount(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '—'
  return formatter(locale, {}).format(value)
}

/** Dollars with enough digits to tell small costs apart ($0.000042). */
export function formatUsd(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '—'
  const digits = value === 0 ? 2 : Math.min(8, Math.max(2, 2 - Math.floor(Math.log10(value)) + 1))
  return formatter(locale, {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: digits,
  }).format(value)
}
