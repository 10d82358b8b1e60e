import { describe, expect, it } from 'vitest'
import { errorFromBody } from '../../packages/llm/src/providers/anthropic/anthropic-error'

const body = (type: string, message: string, details?: { error_code: string }) => ({
  type: 'error',
  error: { type, message, ...(details ? { details } : {}) },
  request_id: 'req_011CbodyId',
})

describe('anthropic error bodies → kinds and hints', () => {
  it.each([
    [401, body('authentication_error', 'invalid x-api-key'), 'auth'],
    [
      403,
      body(
        'permission_error',
        'Your API key does not have permission to use the specified resource.',
      ),
      'permission',
    ],
    [402, body('billing_error', 'Your organization has no billing set up.'), 'quota'],
    [
      400,
      body(
        'invalid_request_error',
        'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.',
      ),
      'quota',
    ],
    [
      429,
      body('rate_limit_error', 'You have reached your specified API usage limits.', {
        error_code: 'enforced_spend_limit_reached',
      }),
      'quota',
    ],
    [
      429,
      body('rate_limit_error', 'Monthly spend limit.', {
        error_code: 'contract_spend_limit_reached',
      }),
      'quota',
    ],
    [
      429,
      body('rate_limit_error', 'Usage is growing too fast.', { error_code: 'ramp_limit_exceeded' }),
      'rate_limit',
    ],
    [
      429,
      body('rate_limit_error', 'This request would exceed the rate limit for your organization.'),
      'rate_limit',
    ],
    [
      400,
      body('invalid_request_error', 'prompt is too long: 3333404 tokens > 200000 maximum'),
      'context_length',
    ],
    [
      400,
      body('invalid_request_error', 'Output blocked by content filtering policy'),
      'content_filter',
    ],
    [404, body('not_found_error', 'model: claude-sonet-4-5'), 'not_found'],
    [
      413,
      body('request_too_large', 'Request exceeds the maximum allowed number of bytes.'),
      'invalid_request',
    ],
    [500, body('api_error', 'Internal server error'), 'server'],
    [504, body('timeout_error', 'Request timed out'), 'server'],
    [529, body('overloaded_error', 'Overloaded'), 'overloaded'],
  ] as const)('%i %j → %s', (status, errorBody, kind) => {
    const error = errorFromBody(errorBody, status, new Headers({ 'request-id': 'req_011Cheader' }))
    expect(error.kind).toBe(kind)
    expect(error.status).toBe(status)
    expect(error.provider).toBe('anthropic')
    expect(error.requestId).toBe('req_011Cheader')
    expect(error.message).toBe(errorBody.error.message)
    if (kind !== 'invalid_request' && kind !== 'server' && kind !== 'rate_limit')
      expect(error.hint).toBeTruthy()
  })

  it('reads retry-after-ms before retry-after, and the body’s request id without a header', () => {
    const limited = body('rate_limit_error', 'Slow down.')
    expect(errorFromBody(limited, 429, new Headers({ 'retry-after': '7' })).retryAfterMs).toBe(7000)
    expect(
      errorFromBody(limited, 429, new Headers({ 'retry-after': '7', 'retry-after-ms': '1500' }))
        .retryAfterMs,
    ).toBe(1500)
    expect(errorFromBody(limited, 429, new Headers()).requestId).toBe('req_011CbodyId')
  })

  it('explains the sampling parameters that API version 2026-10-21 refuses', () => {
    const error = errorFromBody(
      body('invalid_request_error', 'temperature: Extra inputs are not permitted'),
      400,
      undefined,
    )
    expect(error.kind).toBe('invalid_request')
    expect(error.hint).toContain('2026-10-21')
  })

  it('maps an in-stream overloaded error event (no HTTP status) to overloaded', () => {
    const error = errorFromBody(
      { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
      undefined,
      undefined,
    )
    expect(error.kind).toBe('overloaded')
    expect(error.retryable).toBe(true)
  })
})
