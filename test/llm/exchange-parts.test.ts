import { describe, expect, it } from 'vitest'
import { maskHeaders, maskUrl } from '../../packages/llm/src/internal/exchange-masking'
import { durationMs, rateLimitsOf } from '../../packages/llm/src/internal/response-facts'
import { SseEventTap } from '../../packages/llm/src/internal/sse-event-tap'
import type { RawStreamEvent } from '../../packages/llm/src/types'

const ACCESS_KEY_ID = 'AKIAPARALLAXSENTINEL'
const SIGNATURE = 'f'.repeat(64)

describe('maskHeaders', () => {
  it('masks every credential header and keeps the rest', () => {
    const masked = maskHeaders(
      [
        ['Authorization', 'Bearer sk-proj-sentinel0123456789abcdef'],
        ['x-api-key', 'sk-ant-sentinel0123456789'],
        ['api-key', '0123456789abcdef0123456789abcdef'],
        ['x-goog-api-key', 'AIzaSentinelSentinelSentinel000'],
        ['x-amz-security-token', 'IQoJb3JpZ2luX2VjSentinelSessionToken'],
        ['set-cookie', 'session=sentinel-cookie'],
        ['x-custom-auth-token', 'my-own-sentinel-value'],
        ['x-ratelimit-remaining-tokens', '89000'],
        ['content-type', 'application/json'],
        ['x-echo', 'contains my-connection-secret-123 inside'],
      ],
      ['my-connection-secret-123'],
    )
    expect(masked).toEqual({
      authorization: 'Bearer [redacted]',
      'x-api-key': '[redacted]',
      'api-key': '[redacted]',
      'x-goog-api-key': '[redacted]',
      'x-amz-security-token': '[redacted]',
      'set-cookie': '[redacted]',
      'x-custom-auth-token': '[redacted]',
      'x-ratelimit-remaining-tokens': '89000',
      'content-type': 'application/json',
      'x-echo': 'contains [redacted] inside',
    })
  })

  it('keeps a SigV4 header’s scope but not the access key id or the signature', () => {
    const value =
      `AWS4-HMAC-SHA256 Credential=${ACCESS_KEY_ID}/20261205/eu-central-1/bedrock/aws4_request, ` +
      `SignedHeaders=content-type;host;x-amz-date, Signature=${SIGNATURE}`
    const masked = maskHeaders([['authorization', value]], [])['authorization'] ?? ''
    expect(masked).toBe(
      'AWS4-HMAC-SHA256 Credential=[redacted]/20261205/eu-central-1/bedrock/aws4_request, ' +
        'SignedHeaders=content-type;host;x-amz-date, Signature=[redacted]',
    )
  })
})

describe('maskUrl', () => {
  it('masks a key in the query and keeps the rest of the URL', () => {
    const url = maskUrl(
      'https://example.com/v1beta/models/x:streamGenerateContent?alt=sse&key=AIzaSentinel000000000000',
      [],
    )
    expect(url).toBe(
      'https://example.com/v1beta/models/x:streamGenerateContent?alt=sse&key=[redacted]',
    )
    expect(maskUrl(`https://h/p?X-Amz-Credential=${ACCESS_KEY_ID}&a=1`, [])).toBe(
      'https://h/p?X-Amz-Credential=[redacted]&a=1',
    )
  })
})

describe('rate limits', () => {
  it('reads OpenAI durations and bare Azure seconds', () => {
    expect(durationMs('6m0s')).toBe(360_000)
    expect(durationMs('1h2m3.5s')).toBe(3_723_500)
    expect(durationMs('20ms')).toBe(20)
    expect(durationMs('1s')).toBe(1000)
    expect(durationMs('0')).toBe(0)
    expect(durationMs('soon')).toBeUndefined()
  })

  it('normalises OpenAI and Anthropic headers; none gives undefined', () => {
    expect(
      rateLimitsOf(
        {
          'x-ratelimit-limit-requests': '30000',
          'x-ratelimit-remaining-requests': '29999',
          'x-ratelimit-reset-requests': '2ms',
          'x-ratelimit-limit-tokens': '150000000',
        },
        1000,
      ),
    ).toEqual({
      requests: { limit: 30000, remaining: 29999, resetAt: 1002 },
      tokens: { limit: 150000000 },
    })
    expect(
      rateLimitsOf(
        {
          'anthropic-ratelimit-output-tokens-limit': '400000',
          'anthropic-ratelimit-output-tokens-reset': '2026-02-17T23:44:11Z',
        },
        0,
      ),
    ).toEqual({ outputTokens: { limit: 400000, resetAt: Date.parse('2026-02-17T23:44:11Z') } })
    expect(rateLimitsOf({ 'content-type': 'text/plain' }, 0)).toBeUndefined()
  })
})

describe('raw events', () => {
  it('splits SSE events across reads, LF or CRLF, each with its arrival time', () => {
    const events: RawStreamEvent[] = []
    let now = 5
    const tap = new SseEventTap(events, () => now++)
    const enc = new TextEncoder()
    for (const piece of ['data: {"a":', '1}\r\n', '\r\ndata: two\n', '\ndata: [DONE]']) {
      tap.push(enc.encode(piece))
    }
    tap.end()
    expect(events.map((e) => e.data)).toEqual(['data: {"a":1}', 'data: two', 'data: [DONE]'])
    expect(events.map((e) => e.atMs)).toEqual([5, 6, 7])
  })
})
