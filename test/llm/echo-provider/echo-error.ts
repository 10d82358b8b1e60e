import { LlmError, type LlmErrorKind } from '../../../packages/llm/src/errors/llm-error'
import { parseRetryAfter } from '../../../packages/llm/src/internal/provider-kit/parse-retry-after'
import { statusToErrorKind } from '../../../packages/llm/src/internal/provider-kit/status-to-error-kind'
import { ECHO } from './echo-id'
import type { EchoErrorBody } from './echo-wire'

/** The body codes that say more than the status (the kit maps the status itself). */
const CODE_KINDS: Record<string, LlmErrorKind> = {
  quota_exhausted: 'quota',
  context_too_long: 'context_length',
  content_blocked: 'content_filter',
}

/** An echo error answer (status, headers, body) → LlmError, on the provider kit. */
export function toEchoError(status: number, headers: Headers, body: EchoErrorBody): LlmError {
  const code = body.error?.code
  const retryAfterMs = parseRetryAfter(headers)
  const requestId = headers.get('x-request-id')
  return new LlmError({
    kind: (code && CODE_KINDS[code]) || statusToErrorKind(status),
    provider: ECHO,
    status,
    message: body.error?.message || `Echo answered HTTP ${status}.`,
    ...(code ? { code } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...(requestId ? { requestId } : {}),
  })
}

/** An error event inside a 200 stream: the provider's own error, never a network failure. */
export function toEchoStreamError(code: string, message: string): LlmError {
  return new LlmError({
    kind: CODE_KINDS[code] ?? (code === 'overloaded' ? 'overloaded' : 'server'),
    provider: ECHO,
    code,
    message,
  })
}
