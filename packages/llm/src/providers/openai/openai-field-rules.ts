import { noted } from '../../note-codes'
import { EXTRA_FIELDS } from '../../request-fields'
import type { ExtraField } from '../../request-fields'
import type { ParameterSupport } from '../../types'
import { answerNotKept, unsupported } from '../../unsupported-codes'
import { openaiModelTraits } from './openai-model-traits'

const SENT: ParameterSupport = { support: 'supported' }

/** OpenAI and Azure OpenAI: the Chat Completions fields go on the wire as they are. */
type FieldRules = Partial<Record<ExtraField, ParameterSupport>>

export function openaiFieldRules(model: string, provider: 'OpenAI' | 'Azure OpenAI'): FieldRules {
  const { reasoning, gpt5 } = openaiModelTraits(model)
  const reasoningRejects = (field: string): ParameterSupport =>
    unsupported('reasoning_model_rejects', `${model} is a reasoning model and rejects ${field}.`, {
      model,
      parameter: field,
    })
  const deprecated = (field: string, alternative: string): ParameterSupport =>
    unsupported(
      'use_other_parameter',
      `${field} is deprecated in Chat Completions; use ${alternative}.`,
      { model, parameter: field, alternative },
    )
  return {
    logprobs: reasoning ? reasoningRejects('logprobs') : SENT,
    top_logprobs: reasoning
      ? reasoningRejects('top_logprobs')
      : { support: 'supported', min: 0, max: 20 },
    logit_bias: reasoning ? reasoningRejects('logit_bias') : SENT,
    verbosity: gpt5
      ? SENT
      : unsupported('model_rejects_parameter', `${model} takes no verbosity (GPT-5 only).`, {
          model,
          parameter: 'verbosity',
        }),
    metadata: SENT,
    service_tier: SENT,
    store: SENT,
    prediction: SENT,
    web_search_options: SENT,
    prompt_cache_key: SENT,
    prompt_cache_retention: SENT,
    prompt_cache_options: SENT,
    safety_identifier: SENT,
    moderation: SENT,
    parallel_tool_calls: SENT,
    user: SENT,
    audio: answerNotKept('audio', provider, 'audio answers'),
    modalities: answerNotKept('modalities', provider, 'audio answers'),
    functions: deprecated('functions', 'tools'),
    function_call: deprecated('function_call', 'tool_choice'),
  }
}

/** An OpenAI-compatible server: every field is passed through for the server to judge. */
export function compatibleFieldRules(): FieldRules {
  const rules: FieldRules = {}
  for (const field of EXTRA_FIELDS) {
    rules[field] = {
      support: 'supported',
      ...noted(
        'passed_through',
        `Passed through as ${field}; servers that do not know it may ignore or refuse it.`,
        { field },
      ),
    }
  }
  rules.extra_body = {
    support: 'supported',
    ...noted('passed_through', 'Its fields are sent as they are, at the top of the body.', {
      field: 'extra_body',
    }),
  }
  return rules
}
