import type { Exchange, ProviderId } from '../types'
import type { LlmHintCode, LlmHintDetails } from './hint-codes'
import type { UnsupportedDetails } from '../unsupported-codes'

export type LlmErrorKind =
  | 'auth'
  | 'permission'
  | 'rate_limit'
  | 'quota'
  | 'context_length'
  | 'invalid_request'
  | 'unsupported_parameter'
  | 'not_found'
  | 'content_filter'
  | 'overloaded'
  | 'server'
  | 'network'
  | 'timeout'
  | 'aborted'

export const LLM_ERROR_KINDS: readonly LlmErrorKind[] = [
  'auth',
  'permission',
  'rate_limit',
  'quota',
  'context_length',
  'invalid_request',
  'unsupported_parameter',
  'not_found',
  'content_filter',
  'overloaded',
  'server',
  'network',
  'timeout',
  'aborted',
]

export interface LlmErrorInit {
  kind: LlmErrorKind
  provider: ProviderId
  message: string
  status?: number
  retryAfterMs?: number
  requestId?: string
  /** What to do, in English; give it with its code (`withHint` builds the three fields). */
  hint?: string
  hintCode?: LlmHintCode
  hintDetails?: LlmHintDetails
  /**
   * The provider's own error code or type, e.g. `rate_limit_error`, `ThrottlingException`; for
   * `unsupported_parameter`, the library's own reason code (UNSUPPORTED_CODES).
   */
  code?: string
  /** For `unsupported_parameter`: the request field refused, the model, and what the code names. */
  parameter?: string
  model?: string
  details?: UnsupportedDetails
  /** Already redacted by the caller; only a plain summary of the original error is kept. */
  cause?: unknown
}

/**
 * Every failure of the provider library. The message is the provider's own (minus secrets);
 * `hint` says in plain words what to do where the cause is known, and `hintCode` (one of
 * LLM_HINT_CODES) with `hintDetails` says the same as data, for a UI to word in its language.
 */
export class LlmError extends Error {
  readonly kind: LlmErrorKind
  readonly provider: ProviderId
  readonly status: number | undefined
  readonly retryAfterMs: number | undefined
  readonly requestId: string | undefined
  readonly hint: string | undefined
  readonly hintCode: LlmHintCode | undefined
  readonly hintDetails: LlmHintDetails | undefined
  readonly code: string | undefined
  readonly parameter: string | undefined
  readonly model: string | undefined
  readonly details: UnsupportedDetails | undefined
  /**
   * What was sent and what came back, when the call reached the network (secrets masked). Kept
   * out of toJSON(): it is large and an error's JSON travels further than its caller.
   */
  readonly response: Exchange | undefined

  constructor(init: LlmErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause })
    this.name = 'LlmError'
    this.kind = init.kind
    this.provider = init.provider
    this.status = init.status
    this.retryAfterMs = init.retryAfterMs
    this.requestId = init.requestId
    this.hint = init.hint
    this.hintCode = init.hintCode
    this.hintDetails = init.hintDetails
    this.code = init.code
    this.parameter = init.parameter
    this.model = init.model
    this.details = init.details
    this.response = undefined
  }

  /**
   * Whether retrying the same call could succeed: rate limits, overloads, server and network
   * failures and 408s — never an exhausted quota. The library's own retries follow this rule.
   */
  get retryable(): boolean {
    if (this.kind === 'quota') return false
    return (
      this.kind === 'rate_limit' ||
      this.kind === 'overloaded' ||
      this.kind === 'server' ||
      this.kind === 'network' ||
      this.status === 408
    )
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      provider: this.provider,
      message: this.message,
      ...(this.status === undefined ? {} : { status: this.status }),
      ...(this.retryAfterMs === undefined ? {} : { retryAfterMs: this.retryAfterMs }),
      ...(this.requestId === undefined ? {} : { requestId: this.requestId }),
      ...(this.hint === undefined ? {} : { hint: this.hint }),
      ...(this.hintCode === undefined ? {} : { hintCode: this.hintCode }),
      ...(this.hintDetails === undefined ? {} : { hintDetails: this.hintDetails }),
      ...(this.code === undefined ? {} : { code: this.code }),
      ...(this.parameter === undefined ? {} : { parameter: this.parameter }),
      ...(this.model === undefined ? {} : { model: this.model }),
      ...(this.details === undefined ? {} : { details: this.details }),
    }
  }
}

/** The same error carrying the call's exchange (set once the call has given up). */
export function withExchange(error: LlmError, exchange: Exchange | undefined): LlmError {
  if (exchange !== undefined) (error as { response: Exchange | undefined }).response = exchange
  return error
}

export function isLlmError(error: unknown): error is LlmError {
  return error instanceof LlmError
}
