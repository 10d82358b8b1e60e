import type { RateLimitWindow, RateLimits } from '../types'

/** Where each provider puts its request id, most specific first. */
const REQUEST_ID_HEADERS = [
  'x-request-id', // OpenAI, Azure, many compatible servers
  'apim-request-id', // Azure API Management
  'request-id', // Anthropic
  'x-amzn-requestid', // Bedrock
  'x-goog-request-id',
]

export function requestIdOf(headers: Record<string, string>): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers[name]
    if (value) return value
  }
  return undefined
}

const WINDOWS = {
  requests: 'requests',
  tokens: 'tokens',
  inputTokens: 'input-tokens',
  outputTokens: 'output-tokens',
} as const satisfies Record<keyof RateLimits, string>

/**
 * The rate limits in a response's headers: OpenAI/Azure `x-ratelimit-{limit,remaining,reset}-
 * {requests,tokens}` (reset as a duration, "6m0s", "20ms", or bare seconds) and Anthropic
 * `anthropic-ratelimit-{requests,tokens,input-tokens,output-tokens}-{limit,remaining,reset}`
 * (reset as RFC 3339). Resets become absolute times (ms since the epoch) from `now`.
 */
export function rateLimitsOf(headers: Record<string, string>, now: number): RateLimits | undefined {
  const limits: RateLimits = {}
  for (const [key, wire] of Object.entries(WINDOWS) as [keyof RateLimits, string][]) {
    const window = openAiWindow(headers, wire, now) ?? anthropicWindow(headers, wire)
    if (window) limits[key] = window
  }
  return Object.keys(limits).length ? limits : undefined
}

function openAiWindow(
  headers: Record<string, string>,
  wire: string,
  now: number,
): RateLimitWindow | undefined {
  const reset = durationMs(headers[`x-ratelimit-reset-${wire}`])
  return windowOf(
    headers[`x-ratelimit-limit-${wire}`],
    headers[`x-ratelimit-remaining-${wire}`],
    reset === undefined ? undefined : now + reset,
  )
}

function anthropicWindow(
  headers: Record<string, string>,
  wire: string,
): RateLimitWindow | undefined {
  const prefix = `anthropic-ratelimit-${wire}`
  const reset = headers[`${prefix}-reset`]
  const at = reset === undefined ? NaN : Date.parse(reset)
  return windowOf(
    headers[`${prefix}-limit`],
    headers[`${prefix}-remaining`],
    Number.isFinite(at) ? at : undefined,
  )
}

function windowOf(
  limit: string | undefined,
  remaining: string | undefined,
  resetAt: number | undefined,
): RateLimitWindow | undefined {
  const window: RateLimitWindow = {}
  const l = numberOf(limit)
  const r = numberOf(remaining)
  if (l !== undefined) window.limit = l
  if (r !== undefined) window.remaining = r
  if (resetAt !== undefined) window.resetAt = Math.round(resetAt)
  return Object.keys(window).length ? window : undefined
}

function numberOf(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined
  const n = Number(value)
  return Number.isFinite(n) ? n : undefined
}

const UNIT_MS = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 } as const

/** "6m0s", "1h2m3.5s", "20ms", "1s" or bare seconds ("0", Azure) as ms. */
export function durationMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const text = value.trim()
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text) * 1000
  if (!/^(?:\d+(?:\.\d+)?(?:ms|h|m|s))+$/.test(text)) return undefined
  let total = 0
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    total += Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS]
  }
  return total
}
