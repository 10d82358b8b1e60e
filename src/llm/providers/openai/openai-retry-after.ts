/**
 * How long the provider asked us to wait: `retry-after-ms` (Azure), `retry-after` (seconds or
 * an HTTP date), else for a 429 the reset time of whichever OpenAI limit is exhausted
 * (`x-ratelimit-reset-requests: 1s`, `x-ratelimit-reset-tokens: 6m0s`).
 */
export function retryAfterMsOf(
  headers: Headers | undefined,
  status: number | undefined,
): number | undefined {
  if (!headers) return undefined
  const ms = parseFloat(headers.get('retry-after-ms') ?? '')
  if (Number.isFinite(ms) && ms > 0) return Math.round(ms)
  const after = headers.get('retry-after')
  if (after) {
    const seconds = Number(after)
    if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000)
    const date = Date.parse(after)
    if (Number.isFinite(date)) return Math.max(0, date - Date.now())
  }
  if (status !== 429) return undefined
  const waits: number[] = []
  for (const limit of ['requests', 'tokens']) {
    if (headers.get(`x-ratelimit-remaining-${limit}`) !== '0') continue
    const reset = parseDuration(headers.get(`x-ratelimit-reset-${limit}`))
    if (reset !== undefined) waits.push(reset)
  }
  return waits.length ? Math.max(...waits) : undefined
}

/** OpenAI's reset durations: `20ms`, `1s`, `1.5s`, `6m0s`, `1h2m3s`; Azure sends bare seconds. */
export function parseDuration(text: string | null): number | undefined {
  if (!text) return undefined
  const trimmed = text.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  const unit: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }
  let total = 0
  let matched = ''
  for (const part of trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) {
    total += Number(part[1]) * (unit[part[2] ?? 's'] ?? 1000)
    matched += part[0]
  }
  return matched === trimmed && matched !== '' ? Math.round(total) : undefined
}
