import type { ParameterName, ParameterSupport } from '../../types'
import { noted } from '../../note-codes'
import { unsupported, unsupportedEach } from '../../unsupported-codes'
import { openaiModelTraits } from './openai-model-traits'

type Rules = Partial<Record<ParameterName, ParameterSupport>>

/** Rules shared by OpenAI and Azure OpenAI (same models, same Chat Completions API). */
export function openaiParameterRules(model: string, provider: 'OpenAI' | 'Azure OpenAI'): Rules {
  const traits = openaiModelTraits(model)
  const rules: Rules = {
    n: { support: 'supported', min: 1, max: 128, default: 1 },
    thinking_budget: unsupported(
      'api_has_no_parameter',
      'OpenAI models take no reasoning token budget; use reasoning_effort instead.',
      { api: provider, parameter: 'thinking_budget', alternative: 'reasoning_effort' },
    ),
  }
  if (!traits.reasoning) {
    return {
      ...rules,
      max_tokens: { support: 'supported', min: 1 },
      reasoning_effort: unsupported(
        'not_reasoning_model',
        `${model} is not a reasoning model on ${provider}.`,
        { model, provider, parameter: 'reasoning_effort' },
      ),
    }
  }
  return {
    ...rules,
    ...unsupportedEach(
      ['temperature', 'top_p', 'presence_penalty', 'frequency_penalty'],
      'reasoning_model_rejects',
      (name) =>
        `${model} is a reasoning model and rejects ${name}; steer it with reasoning_effort instead.`,
      { model, alternative: 'reasoning_effort' },
    ),
    stop: unsupported(
      'reasoning_model_rejects',
      `${model} is a reasoning model and rejects stop sequences.`,
      { model, parameter: 'stop' },
    ),
    max_tokens: {
      support: 'supported',
      min: 1,
      ...noted(
        'sent_as_caps_reasoning',
        'Sent as max_completion_tokens (reasoning models refuse max_tokens); it also caps reasoning tokens.',
        { field: 'max_completion_tokens' },
      ),
    },
    max_completion_tokens: {
      support: 'supported',
      min: 1,
      ...noted('caps_reasoning_tokens', 'Caps visible and reasoning tokens together.'),
    },
    reasoning_effort: {
      support: 'supported',
      default: 'medium',
      ...(traits.gpt5
        ? noted('effort_values', 'minimal, low, medium or high.', {
            values: 'minimal, low, medium, high',
          })
        : noted('effort_values', 'low, medium or high (minimal is GPT-5 only).', {
            values: 'low, medium, high',
          })),
    },
  }
}
