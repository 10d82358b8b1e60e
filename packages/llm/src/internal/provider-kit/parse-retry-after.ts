/** Response headers as the SDKs hand them over: a fetch `Headers` or a plain record (AWS). */
export type HeaderSource = Headers | Record<string, string | undefined>

/**
 * How long the provider asked us to wait before retrying, in milliseconds, or undefined.
 *
 * The edge rules, decided once for every provider:
 * - `retry-after-ms` (Azure, Anthropic, OpenAI) wins when it is a positive number. Azure sends
 *   `retry-after-ms: 0` beside `retry-after: 1` on a real 429, so a zero there defers to
 *   `retry-after`.
 * - `retry-after` is whole or decimal seconds (`0` means "now") or an HTTP date.
 * - Negative numbers, text that is neither, and dates not in the future give undefined: the
 *   retry policy then uses its own backoff.
 * - No cap: refusing waits that are too long is the retry policy's job.
 */
export function parseRetryAfter(headers: HeaderSource | undefined): number | undefined {
  if (!headers) return undefined
  const ms = parseNumber(headerOf(headers, 'retry-after-ms'))
  if (ms !== undefined && ms > 0) return Math.round(ms)
  const value = headerOf(headers, 'retry-after')?.trim()
  if (!value) return undefined
  if (/^[-+]?\d/.test(value)) {
    const seconds = parseNumber(value)
    return seconds === undefined ? undefined : Math.round(seconds * 1000)
  }
  const wait = Date.parse(value) - Date.now()
  return Number.isFinite(wait) && wait > 0 ? wait : undefined
}

/**
 * For a 429 from an OpenAI-style API without `retry-after`: the reset time of whichever limit is
 * used up (`x-ratelimit-remaining-tokens: 0` + `x-ratelimit-reset-tokens: 6m0s`); the longest
 * when both are. Undefined when no limit reports 0 remaining.
 */
export function parseRateLimitReset(headers: HeaderSource | undefined): number | undefined {
  if (!headers) return undefined
  const waits: number[] = []
  for (const limit of ['requests', 'tokens']) {
    if (headerOf(headers, `x-ratelimit-remaining-${limit}`)?.trim() !== '0') continue
    const reset = parseDuration(headerOf(headers, `x-ratelimit-reset-${limit}`))
    if (reset !== undefined) waits.push(reset)
  }
  return waits.length ? Math.max(...waits) : undefined
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/**
 * OpenAI's reset durations, in milliseconds: `20ms`, `1s`, `1.5s`, `6m0s`, `1h2m3.5s`; Azure
 * sends bare seconds (`0`). Anything else (negative, empty, unknown units) is undefined.
 */
export function parseDuration(text: string | null | undefined): number | undefined {
  const trimmed = text?.trim()
  if (!trimmed) return undefined
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  if (!/^(\d+(\.\d+)?(ms|h|m|s))+$/.test(trimmed)) return undefined
  let total = 0
  for (const [, amount, unit] of trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    total += Number(amount) * (UNIT_MS[unit ?? 's'] ?? 1000)
  }
  return Math.round(total)
}

/** A header by its case-insensitive name. */
export function headerOf(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined
  const wanted = name.toLowerCase()
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value
  return undefined
}

/** A non-negative decimal number, or undefined for anything else. */
function parseNumber(text: string | undefined): number | undefined {
  const trimmed = text?.trim()
  if (!trimmed || !/^\+?\d+(\.\d+)?$/.test(trimmed)) return undefined
  return Number(trimmed)
}
