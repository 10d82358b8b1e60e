import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from '@anthropic-ai/sdk'
import { withHint, type LlmHint } from '../../errors/hint-codes'
import { LlmError, type LlmErrorKind } from '../../errors/llm-error'
import { parseRetryAfter } from '../../internal/provider-kit/parse-retry-after'
import { statusToErrorKind } from '../../internal/provider-kit/status-to-error-kind'

/** The JSON body of an Anthropic error (also the data of an in-stream `event: error`). */
export interface AnthropicErrorBody {
  type?: string
  error?: { type?: string; message?: string; details?: { error_code?: string } | null }
  request_id?: string | null
}

const ANTHROPIC = { provider: 'Anthropic' }

const HINTS: Partial<Record<LlmErrorKind, LlmHint>> = {
  auth: withHint(
    'check_api_key',
    'Anthropic refused the API key. Check it in the Claude Console under Settings → API keys.',
    ANTHROPIC,
  ),
  permission: withHint(
    'key_lacks_permission',
    'This key’s organization or workspace may not have access to this model or feature.',
    ANTHROPIC,
  ),
  quota: withHint(
    'add_credit',
    'The Anthropic credit balance or spend limit is used up. Add credits or raise the limit in the Claude Console (Billing / Limits); retrying will not help.',
    ANTHROPIC,
  ),
  not_found: withHint(
    'check_model_id',
    'Check the model id; listModels() shows the models this key can use.',
  ),
  context_length: withHint(
    'shorten_conversation',
    'The prompt is longer than the model’s context window. Shorten the conversation or pick a model with a larger window.',
  ),
  overloaded: withHint(
    'try_again_later',
    'Anthropic’s API is temporarily overloaded. Try again in a moment.',
    ANTHROPIC,
  ),
  content_filter: withHint(
    'content_filter',
    'Anthropic’s content filtering policy blocked the output.',
    ANTHROPIC,
  ),
}

const SPEND_LIMIT_CODES = new Set([
  'contract_spend_limit_reached',
  'enforced_spend_limit_reached',
  'linked_organization_spend_limit_reached',
  'linked_organization_billing_unavailable',
])

/** Maps what the Anthropic SDK threw to an LlmError; undefined for aborts and unknown errors. */
export function toAnthropicError(error: unknown): LlmError | undefined {
  if (error instanceof LlmError) return error
  if (error instanceof APIUserAbortError) return undefined
  if (error instanceof APIConnectionTimeoutError) {
    return new LlmError({
      kind: 'timeout',
      provider: 'anthropic',
      message: error.message,
      cause: error,
    })
  }
  if (error instanceof APIConnectionError) {
    return new LlmError({
      kind: 'network',
      provider: 'anthropic',
      message: `Could not reach the Anthropic API: ${describeCause(error)}`,
      ...withHint('check_network', 'Check the network connection, any proxy, and the base URL.'),
      cause: error,
    })
  }
  if (error instanceof APIError) {
    const body = (error.error ?? {}) as AnthropicErrorBody
    return errorFromBody(body, error.status, error.headers ?? undefined, error)
  }
  return undefined
}

/** An error body (HTTP error or in-stream error event) → LlmError. */
export function errorFromBody(
  body: AnthropicErrorBody,
  status: number | undefined,
  headers: Headers | undefined,
  cause?: unknown,
): LlmError {
  const type = body.error?.type
  const message =
    body.error?.message || `Anthropic returned ${status ?? 'an error'}${type ? ` (${type})` : ''}.`
  const detail = body.error?.details?.error_code ?? undefined
  const kind = kindOf(type, status, message, detail)
  const requestId = headers?.get('request-id') ?? body.request_id ?? undefined
  const retryAfterMs = parseRetryAfter(headers)
  const hint = hintOf(kind, message)
  return new LlmError({
    kind,
    provider: 'anthropic',
    message,
    ...(status !== undefined ? { status } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...(requestId ? { requestId } : {}),
    ...hint,
    ...(detail || type ? { code: detail ?? type } : {}),
    ...(cause !== undefined ? { cause } : {}),
  })
}

function kindOf(
  type: string | undefined,
  status: number | undefined,
  message: string,
  detail?: string,
): LlmErrorKind {
  if (detail && SPEND_LIMIT_CODES.has(detail)) return 'quota'
  switch (type) {
    case 'authentication_error':
      return 'auth'
    case 'permission_error':
      return 'permission'
    case 'billing_error':
      return 'quota'
    case 'not_found_error':
      return 'not_found'
    case 'rate_limit_error':
      return /spend limit|usage limit|credit balance|billing/i.test(message)
        ? 'quota'
        : 'rate_limit'
    case 'overloaded_error':
      return 'overloaded'
    case 'api_error':
    case 'timeout_error':
      return 'server'
    case 'request_too_large':
      return 'invalid_request'
    case 'invalid_request_error':
      return invalidRequestKind(message)
  }
  if (status === undefined) return 'server'
  const kind = statusToErrorKind(status)
  return kind === 'invalid_request' ? invalidRequestKind(message) : kind
}

function invalidRequestKind(message: string): LlmErrorKind {
  if (
    /prompt is too long|context window|context length|exceeds? the (?:maximum )?context/i.test(
      message,
    )
  ) {
    return 'context_length'
  }
  if (/credit balance is too low|purchase credits|billing/i.test(message)) return 'quota'
  if (/content filtering policy|blocked by content/i.test(message)) return 'content_filter'
  return 'invalid_request'
}

function hintOf(kind: LlmErrorKind, message: string): LlmHint | undefined {
  if (kind === 'invalid_request') {
    if (/(temperature|top_p|top_k).*(extra inputs|not permitted|deprecated)/i.test(message)) {
      return withHint(
        'sampling_not_accepted',
        'Anthropic API version 2026-10-21 no longer accepts temperature, top_p or top_k; leave them out.',
        ANTHROPIC,
      )
    }
    if (/budget_tokens/i.test(message)) {
      return withHint(
        'use_reasoning_effort',
        'Newer Claude models think adaptively: use reasoning_effort instead of a thinking budget.',
      )
    }
    if (/request(?: body)? (?:is )?too large|request_too_large/i.test(message)) {
      return withHint(
        'request_too_large',
        'The request is above Anthropic’s size limit: send fewer or smaller images.',
        ANTHROPIC,
      )
    }
    return undefined
  }
  return HINTS[kind]
}

function describeCause(error: Error): string {
  const cause = (error as { cause?: unknown }).cause
  return cause instanceof Error ? cause.message : error.message
}
