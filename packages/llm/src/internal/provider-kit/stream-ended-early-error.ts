import { LlmError } from '../../errors/llm-error'
import type { ProviderId } from '../../types'

/**
 * A stream that stopped before the provider's own end marker (`[DONE]`, `message_stop`, a final
 * `finishReason`, Bedrock's `metadata`): the connection was cut and the answer is incomplete.
 * It is a `network` error, so the call may be retried; `missing` names what never arrived.
 */
export function streamEndedEarlyError(
  provider: ProviderId,
  missing: string,
  requestId?: string,
): LlmError {
  return new LlmError({
    kind: 'network',
    provider,
    message: `The stream ended before its end marker (${missing} missing): the connection was cut and the answer is incomplete.`,
    ...(requestId ? { requestId } : {}),
  })
}
