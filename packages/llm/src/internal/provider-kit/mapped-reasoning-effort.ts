import { invalidRequest } from '../../errors/normalize-error'
import type { ChatRequest, ProviderId, ReasoningEffort } from '../../types'

const EFFORTS: readonly string[] = ['minimal', 'low', 'medium', 'high'] satisfies ReasoningEffort[]

/**
 * `reasoning_effort` for a provider that maps it onto a control of its own (Claude's effort, a
 * Gemini 2.5 thinking budget, Nova's reasoning level): one of minimal, low, medium, high, or a
 * refusal naming them. (OpenAI-style APIs take the value as sent, so newer values such as `none`
 * or `xhigh` reach them and they judge; here an unknown value would be mapped to nothing.)
 */
export function mappedReasoningEffort(
  provider: ProviderId,
  request: ChatRequest,
): ReasoningEffort | undefined {
  const effort: unknown = request.reasoning_effort
  if (effort === undefined || effort === null) return undefined
  if (typeof effort === 'string' && EFFORTS.includes(effort)) return effort as ReasoningEffort
  throw invalidRequest(
    provider,
    `"reasoning_effort" is ${JSON.stringify(effort)}; ${request.model} (${provider}) takes minimal, low, medium or high.`,
  )
}
