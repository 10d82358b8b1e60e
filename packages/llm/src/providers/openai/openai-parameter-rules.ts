import type { ParameterName, ParameterSupport } from '../../types'
import { openaiModelTraits } from './openai-model-traits'

type Rules = Partial<Record<ParameterName, ParameterSupport>>

const THINKING_BUDGET: ParameterSupport = {
  support: 'unsupported',
  reason: 'OpenAI models take no reasoning token budget; use reasoning_effort instead.',
}

/** Rules shared by OpenAI and Azure OpenAI (same models, same Chat Completions API). */
export function openaiParameterRules(model: string, provider: 'OpenAI' | 'Azure OpenAI'): Rules {
  const traits = openaiModelTraits(model)
  const rules: Rules = {
    n: { support: 'supported', min: 1, max: 128, default: 1 },
    thinking_budget: THINKING_BUDGET,
  }
  if (!traits.reasoning) {
    return {
      ...rules,
      max_tokens: { support: 'supported', min: 1 },
      reasoning_effort: {
        support: 'unsupported',
        reason: `${model} is not a reasoning model on ${provider}.`,
      },
    }
  }
  const sampling = (name: string): ParameterSupport => ({
    support: 'unsupported',
    reason: `${model} is a reasoning model and rejects ${name}; steer it with reasoning_effort instead.`,
  })
  return {
    ...rules,
    temperature: sampling('temperature'),
    top_p: sampling('top_p'),
    presence_penalty: sampling('presence_penalty'),
    frequency_penalty: sampling('frequency_penalty'),
    stop: {
      support: 'unsupported',
      reason: `${model} is a reasoning model and rejects stop sequences.`,
    },
    max_tokens: {
      support: 'supported',
      min: 1,
      note: 'Sent as max_completion_tokens (reasoning models refuse max_tokens); it also caps reasoning tokens.',
    },
    max_completion_tokens: {
      support: 'supported',
      min: 1,
      note: 'Caps visible and reasoning tokens together.',
    },
    reasoning_effort: {
      support: 'supported',
      default: 'medium',
      note: traits.gpt5
        ? 'minimal, low, medium or high.'
        : 'low, medium or high (minimal is GPT-5 only).',
    },
  }
}
