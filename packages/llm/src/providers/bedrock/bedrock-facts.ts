import type { ConverseTrace } from '@aws-sdk/client-bedrock-runtime'
import type { SafetyFacts } from '../../types'

/**
 * The facts of a Converse answer beyond its text: the raw stopReason, and a guardrail's trace
 * (asked for with `guardrailConfig.trace`) as the choice's safety data, as it came. Converse
 * reports no reasoning-token count (its usage has input, output and cache tokens only) and no
 * log probabilities.
 */
export function bedrockChoiceFacts(
  stopReason: string | undefined,
  trace: ConverseTrace | undefined,
): { provider_finish_reason?: string; safety?: SafetyFacts } {
  return {
    ...(stopReason ? { provider_finish_reason: stopReason } : {}),
    ...(trace?.guardrail
      ? { safety: { provider_data: { guardrail: trace.guardrail } as Record<string, unknown> } }
      : {}),
  }
}
