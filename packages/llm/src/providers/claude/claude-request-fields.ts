import { withHint } from '../../errors/hint-codes'
import { invalidRequest } from '../../errors/normalize-error'
import { mappedReasoningEffort } from '../../internal/provider-kit/mapped-reasoning-effort'
import type { ChatRequest, ProviderId, ReasoningEffort } from '../../types'
import { claudeModelTraits } from '../anthropic/anthropic-model-traits'

export type ClaudeEffort = 'low' | 'medium' | 'high'

export type ClaudeThinking = { type: 'adaptive' } | { type: 'enabled'; budget_tokens: number }

/** What Claude's own API takes for thinking; Bedrock sends the same in additionalModelRequestFields. */
export interface ClaudeReasoning {
  thinking?: ClaudeThinking
  effort?: ClaudeEffort
}

/** OpenAI `reasoning_effort` → Claude `output_config.effort`; Claude has no "minimal". */
const EFFORT: Record<ReasoningEffort, ClaudeEffort> = {
  minimal: 'low',
  low: 'low',
  medium: 'medium',
  high: 'high',
}

/**
 * Thinking and effort for a Claude request, the same on every cloud. `model` is the Anthropic id;
 * `maxTokens` the limit actually sent.
 */
export function claudeReasoning(
  request: ChatRequest,
  model: string,
  maxTokens: number,
  provider: ProviderId,
): ClaudeReasoning {
  const reasoning: ClaudeReasoning = {}
  const budget = request.thinking_budget
  if (budget !== undefined && budget !== null) {
    if (budget >= maxTokens) {
      throw invalidRequest(
        provider,
        `"thinking_budget" (${budget}) must be below max_tokens (${maxTokens}) for ${request.model} (${provider}).`,
        withHint(
          'max_tokens_above_budget',
          'Thinking tokens count toward max_tokens: raise max_tokens or lower the budget.',
        ),
      )
    }
    reasoning.thinking = { type: 'enabled', budget_tokens: budget }
  }
  const effort = mappedReasoningEffort(provider, request)
  if (
    effort &&
    reasoning.thinking === undefined &&
    claudeModelTraits(model).thinking !== 'manual'
  ) {
    reasoning.thinking = { type: 'adaptive' }
  }
  if (effort) reasoning.effort = EFFORT[effort]
  return reasoning
}

/**
 * Refuses forced tool use (`required` or a named function) where Claude does: on models that
 * refuse it, and with thinking on.
 */
export function checkClaudeToolChoice(
  request: ChatRequest,
  model: string,
  thinking: boolean,
  provider: ProviderId,
): void {
  const choice = request.tool_choice
  if (choice === undefined || choice === 'auto' || choice === 'none') return
  const refusesForced = claudeModelTraits(model).refusesForcedTools
  if (!refusesForced && !thinking) return
  const forced = choice === 'required' ? 'required' : `the function ${choice.function.name}`
  throw invalidRequest(
    provider,
    `"tool_choice" ${forced} is not supported by ${request.model} (${provider})${thinking && !refusesForced ? ' with thinking enabled' : ''}: Claude refuses forced tool use here.`,
    withHint(
      'tool_choice_auto_only',
      'Use tool_choice "auto" and say in the prompt which tool to call.',
    ),
  )
}
