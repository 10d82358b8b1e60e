import { createTranslate, type Language, type Translate } from './i18n'

/**
 * Every money amount, duration and token count the UI shows, in the UI language: money is
 * `Intl.NumberFormat(language, { currency: 'USD' })` ("$0.0042" in English, "US$0.0042" in
 * Korean), units and "approximately" come from the catalog.
 */

// Footers re-render on every streamed batch: build each formatter once.
const numberFormats = new Map<string, Intl.NumberFormat>()
function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}|${JSON.stringify(options)}`
  let found = numberFormats.get(key)
  if (!found) numberFormats.set(key, (found = new Intl.NumberFormat(language, options)))
  return found
}

const translators = new Map<Language, Translate>()
function translate(language: Language): Translate {
  let found = translators.get(language)
  if (!found) translators.set(language, (found = createTranslate(language)))
  return found
}

const MAX_DECIMALS = 8

/**
 * Dollars: cents from a dollar up; below a dollar, two significant digits so that small costs
 * stay apart ($0.40, $0.075, $0.0042, $0.000042).
 */
export function formatMoney(usd: number, language: Language): string {
  const smallest = 10 ** -MAX_DECIMALS
  if (usd > 0 && usd < smallest) return `<${formatMoney(smallest, language)}`
  const decimals =
    usd === 0 || Math.abs(usd) >= 1
      ? 2
      : Math.min(MAX_DECIMALS, Math.max(2, 1 - Math.floor(Math.log10(Math.abs(usd)))))
  return numberFormat(language, {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: decimals,
  }).format(usd)
}

/** "≈ $0.02" / "약 US$0.02". */
export function formatApprox(text: string, language: Language): string {
  return translate(language)('format.approx', { value: text })
}

/** "0.42 s" / "0.42초"; a dash when unknown. */
export function formatSeconds(ms: number | null | undefined, language: Language): string {
  if (ms === null || ms === undefined) return '—'
  const seconds = ms / 1000
  const value = numberFormat(language, { maximumFractionDigits: seconds < 10 ? 2 : 1 })
  return translate(language)('format.seconds', { value: value.format(seconds) })
}

/** Tokens per second and the like: one decimal under 100. */
export function formatRate(value: number | null | undefined, language: Language): string {
  if (value === null || value === undefined) return '—'
  return numberFormat(language, { maximumFractionDigits: value < 100 ? 1 : 0 }).format(value)
}

export function formatCount(value: number | null | undefined, language: Language): string {
  if (value === null || value === undefined) return '—'
  return numberFormat(language, { maximumFractionDigits: 0 }).format(value)
}

/** 400000 → "400K", 1050000 → "1.05M", 8192 → "8.2K": token counts the way model pages write them. */
export function formatTokens(count: number): string {
  if (count >= 1_000_000) return `${trim(count / 1_000_000, 2)}M`
  if (count >= 1_000) return `${trim(count / 1_000, count >= 10_000 ? 0 : 1)}K`
  return String(Math.round(count))
}

function trim(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)))
}
