import type { FakeErrorKind, FakeScript } from '../fake-script'

export interface FakeErrorAnswer {
  status: number
  headers: Record<string, string>
  body: unknown
}

/**
 * Anthropic's own error answers, shaped as in the recorded traffic
 * (../shared/provider-captures/anthropic): `{type: 'error', error: {type, message}, request_id}`
 * with a `request-id` header and `x-should-retry`.
 */
const ERRORS: Record<
  FakeErrorKind,
  { status: number; type: string; message: string; retry: boolean; code?: string }
> = {
  auth: { status: 401, type: 'authentication_error', message: 'invalid x-api-key', retry: false },
  permission: {
    status: 403,
    type: 'permission_error',
    message: 'Your API key does not have permission to use the specified resource.',
    retry: false,
  },
  rate_limit: {
    status: 429,
    type: 'rate_limit_error',
    message:
      'This request would exceed the rate limit for your organization of 50,000 input tokens per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits.',
    retry: true,
  },
  quota: {
    status: 429,
    type: 'rate_limit_error',
    message:
      'You have reached your specified API usage limits. You will regain access on 2026-12-01 at 00:00 UTC.',
    retry: false,
    code: 'enforced_spend_limit_reached',
  },
  context_length: {
    status: 400,
    type: 'invalid_request_error',
    message: 'prompt is too long: 1048597 tokens > 1000000 maximum',
    retry: false,
  },
  invalid_request: {
    status: 400,
    type: 'invalid_request_error',
    message: 'messages.0: Input does not match the expected shape.',
    retry: false,
  },
  not_found: {
    status: 404,
    type: 'not_found_error',
    message: 'model: claude-sonet-4-5',
    retry: false,
  },
  content_filter: {
    status: 400,
    type: 'invalid_request_error',
    message: 'Output blocked by content filtering policy',
    retry: false,
  },
  overloaded: { status: 529, type: 'overloaded_error', message: 'Overloaded', retry: true },
  server: { status: 500, type: 'api_error', message: 'Internal server error', retry: true },
}

export function requestId(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz123456789'
  let id = 'req_011C'
  for (let i = 0; i < 20; i++) id += alphabet[Math.floor(Math.random() * alphabet.length)]
  return id
}

export function anthropicErrorAnswer(
  script: FakeScript & { error: FakeErrorKind },
): FakeErrorAnswer {
  const spec = ERRORS[script.error]
  const id = requestId()
  const headers: Record<string, string> = { 'request-id': id, 'x-should-retry': String(spec.retry) }
  if (script.retryAfterSeconds !== undefined)
    headers['retry-after'] = String(script.retryAfterSeconds)
  return {
    status: spec.status,
    headers,
    body: {
      type: 'error',
      error: {
        type: spec.type,
        message: spec.message,
        ...(spec.code ? { details: { error_code: spec.code } } : {}),
      },
      request_id: id,
    },
  }
}

/** The in-stream error event Anthropic sends after a 200 when it runs out of capacity. */
export function anthropicStreamErrorEvent(): string {
  return JSON.stringify({
    type: 'error',
    error: { type: 'overloaded_error', message: 'Overloaded' },
    request_id: null,
  })
}
