import type { TransportErrorCode } from '../../../shared/error-codes'
import type { RpcErrorKind, RpcResult } from '../../../shared/rpc-result'

/**
 * English for logs and tests; the page shows the catalog's sentence for the code
 * (host/word-failures.ts). Never the browser's own text ("Failed to fetch", "NetworkError …").
 */
const MESSAGES: Record<TransportErrorCode, string> = {
  host_unreachable:
    'Parallax is not running or cannot be reached. Start it again, then reload this page.',
  host_not_signed_in:
    'This page is not signed in to Parallax. Open the full link that Parallax printed when it started.',
  host_bad_answer: 'Parallax sent an answer this page cannot read.',
}

const KINDS: Record<TransportErrorCode, RpcErrorKind> = {
  host_unreachable: 'internal',
  host_not_signed_in: 'unauthorized',
  host_bad_answer: 'internal',
}

/** A call that got no readable answer from the host, as a coded failure. */
export function transportFailure(
  code: TransportErrorCode,
  details?: Record<string, string>,
): RpcResult<never> {
  return {
    ok: false,
    error: {
      kind: KINDS[code],
      code,
      message: MESSAGES[code],
      ...(details === undefined ? {} : { details }),
    },
  }
}
