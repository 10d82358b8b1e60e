import type { LlmErrorKind } from '../../errors/llm-error'

/**
 * The kind an HTTP error status means when the body says nothing more specific. Each provider's
 * error mapper refines this with what only it knows (an error type or code in the body, a message
 * that names the context window); this is the part they all share.
 *
 * 503 and 529 (Anthropic's "overloaded") are `overloaded`, every other 5xx `server`; any other
 * status — 400, 409, 413, 422, or a 2xx carrying an error in its stream — is `invalid_request`.
 */
export function statusToErrorKind(status: number): LlmErrorKind {
  switch (status) {
    case 401:
      return 'auth'
    case 402:
      return 'quota'
    case 403:
      return 'permission'
    case 404:
      return 'not_found'
    case 408:
      return 'timeout'
    case 429:
      return 'rate_limit'
    case 503:
    case 529:
      return 'overloaded'
  }
  return status >= 500 ? 'server' : 'invalid_request'
}
