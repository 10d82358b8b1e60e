import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { parseDuration, parseRateLimitReset, parseRetryAfter } from './parse-retry-after'

const NOW = Date.parse('2026-03-01T12:00:00Z')

describe('parseRetryAfter', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(NOW)
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it.each([
    ['no headers', {}, undefined],
    ['whole seconds', { 'retry-after': '7' }, 7000],
    ['decimal seconds', { 'retry-after': '1.5' }, 1500],
    ['zero seconds: retry now', { 'retry-after': '0' }, 0],
    ['padded seconds', { 'retry-after': ' 3 ' }, 3000],
    ['negative seconds', { 'retry-after': '-5' }, undefined],
    ['seconds followed by text', { 'retry-after': '7abc' }, undefined],
    ['text', { 'retry-after': 'soon' }, undefined],
    ['empty', { 'retry-after': '' }, undefined],
    ['an HTTP date ahead', { 'retry-after': 'Sun, 01 Mar 2026 12:00:30 GMT' }, 30_000],
    ['an HTTP date now', { 'retry-after': 'Sun, 01 Mar 2026 12:00:00 GMT' }, undefined],
    ['an HTTP date past', { 'retry-after': 'Sun, 01 Mar 2026 11:59:00 GMT' }, undefined],
    ['milliseconds win', { 'retry-after': '7', 'retry-after-ms': '1500' }, 1500],
    ['milliseconds are rounded', { 'retry-after-ms': '1500.6' }, 1501],
    ['milliseconds alone', { 'retry-after-ms': '250' }, 250],
    // The real Azure 429 (azure-openai/rubyllm-error-429-rate-limit-reached) sends both.
    ['zero milliseconds defer to seconds', { 'retry-after': '1', 'retry-after-ms': '0' }, 1000],
    ['zero milliseconds alone', { 'retry-after-ms': '0' }, undefined],
    ['negative milliseconds', { 'retry-after-ms': '-1', 'retry-after': '2' }, 2000],
    ['NaN milliseconds', { 'retry-after-ms': 'NaN', 'retry-after': '2' }, 2000],
    ['no cap: the retry policy refuses long waits', { 'retry-after': '3600' }, 3_600_000],
  ] as const)('%s', (_name, headers, expected) => {
    expect(parseRetryAfter(new Headers(headers))).toBe(expected)
  })

  it('reads a plain header record case-insensitively (the AWS SDK hands one over)', () => {
    expect(parseRetryAfter({ 'Retry-After': '3', other: undefined })).toBe(3000)
    expect(parseRetryAfter(undefined)).toBeUndefined()
  })
})

describe('parseDuration', () => {
  it.each([
    ['20ms', 20],
    ['4ms', 4],
    ['0s', 0],
    ['1s', 1000],
    ['1.5s', 1500],
    ['6m0s', 360_000],
    ['1m30s', 90_000],
    ['1h2m3.5s', 3_723_500],
    ['0', 0],
    ['2', 2000],
    ['', undefined],
    ['-1s', undefined],
    ['1d', undefined],
    ['1s garbage', undefined],
    ['soon', undefined],
  ] as const)('%s → %s', (text, expected) => {
    expect(parseDuration(text)).toBe(expected)
  })
})

describe('parseRateLimitReset', () => {
  it('waits for the limit that is used up, the longer when both are', () => {
    const tokens = {
      'x-ratelimit-remaining-requests': '199',
      'x-ratelimit-reset-requests': '300ms',
      'x-ratelimit-remaining-tokens': '0',
      'x-ratelimit-reset-tokens': '6m0s',
    }
    expect(parseRateLimitReset(new Headers(tokens))).toBe(360_000)
    expect(
      parseRateLimitReset(new Headers({ ...tokens, 'x-ratelimit-remaining-requests': '0' })),
    ).toBe(360_000)
  })

  it('gives nothing while every limit has some left (the real OpenAI TPM 429)', () => {
    const headers = new Headers({
      'x-ratelimit-remaining-requests': '199',
      'x-ratelimit-remaining-tokens': '400000',
      'x-ratelimit-reset-requests': '300ms',
      'x-ratelimit-reset-tokens': '0s',
    })
    expect(parseRateLimitReset(headers)).toBeUndefined()
    expect(parseRateLimitReset(undefined)).toBeUndefined()
  })
})
