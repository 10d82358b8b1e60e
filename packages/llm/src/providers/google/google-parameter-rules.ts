import type { ParameterName, ParameterSupport } from '../../types'
import { noted } from '../../note-codes'
import { unsupportedEach } from '../../unsupported-codes'
import { geminiFamily, thinkingBudgetRange, thinkingLevels } from './google-model-traits'

type Rules = Partial<Record<ParameterName, ParameterSupport>>

const SENT_AS_MAX_OUTPUT = noted('sent_as', 'Sent as generationConfig.maxOutputTokens.', {
  field: 'generationConfig.maxOutputTokens',
})
const THINKING_BUDGET_FIELD = { field: 'thinkingConfig.thinkingBudget' }

/**
 * Parameter support shared by the Gemini API and Vertex AI (same models, same generateContent
 * request). Catalog entries narrow these per model.
 */
export function googleParameterRules(model: string): Rules {
  const family = geminiFamily(model)
  const rules: Rules = {
    temperature: { support: 'supported', min: 0, max: 2, default: 1 },
    top_p: { support: 'supported', min: 0, max: 1, default: 0.95 },
    max_tokens: { support: 'supported', min: 1, ...SENT_AS_MAX_OUTPUT },
    max_completion_tokens: { support: 'supported', min: 1, ...SENT_AS_MAX_OUTPUT },
    n: {
      support: 'emulated',
      min: 1,
      max: 8,
      default: 1,
      ...noted(
        'parallel_requests',
        'Runs n requests in parallel: candidateCount > 1 is refused by several current Gemini models.',
      ),
    },
    stop: {
      support: 'supported',
      ...noted('max_stop_sequences', 'Up to 5 stop sequences.', { count: '5' }),
    },
    seed: { support: 'supported' },
    tools: { support: 'supported' },
    tool_choice: { support: 'supported' },
    response_format: {
      support: 'supported',
      ...noted(
        'json_modes_mapped',
        'json_object → responseMimeType application/json; json_schema → responseJsonSchema.',
      ),
    },
  }
  if (family !== 'other') {
    // The API answers "Penalty is not enabled for models/gemini-2.5-…" (and likewise for Gemini 3).
    Object.assign(
      rules,
      unsupportedEach(
        ['presence_penalty', 'frequency_penalty'],
        'model_rejects_parameter',
        () => 'Gemini 2.5 and newer models reject presence and frequency penalties.',
        { model },
      ),
    )
  } else {
    rules.presence_penalty = { support: 'supported', min: -2, max: 2, default: 0 }
    rules.frequency_penalty = { support: 'supported', min: -2, max: 2, default: 0 }
  }
  if (family === 'gemini-3') {
    const levels = thinkingLevels(model)
    rules.reasoning_effort = {
      support: 'supported',
      ...noted(
        'sent_as_levels',
        `Sent as thinkingConfig.thinkingLevel (${levels.join(', ')}); a value the model lacks is refused by the API.`,
        { field: 'thinkingConfig.thinkingLevel', values: levels.join(', ') },
      ),
    }
    rules.thinking_budget = {
      support: 'supported',
      min: 0,
      max: 32_768,
      ...noted(
        'prefer_other_parameter',
        'Gemini 3 accepts thinkingBudget for compatibility; reasoning_effort (thinkingLevel) is preferred. Not both at once.',
        { alternative: 'reasoning_effort' },
      ),
    }
  } else if (family === 'gemini-2.5') {
    const range = thinkingBudgetRange(model)
    rules.reasoning_effort = {
      support: 'supported',
      ...noted(
        'effort_as_thinking_budget',
        'Mapped to a thinking budget: minimal → off (or the minimum), low 1024, medium 8192, high 24576 tokens.',
        { values: 'minimal 0, low 1024, medium 8192, high 24576' },
      ),
    }
    rules.thinking_budget = {
      support: 'supported',
      min: range.min,
      max: range.max,
      ...(range.min === 0
        ? noted(
            'budget_zero_turns_off',
            'Sent as thinkingConfig.thinkingBudget; 0 turns thinking off.',
            THINKING_BUDGET_FIELD,
          )
        : noted(
            'thinking_always_on',
            'Sent as thinkingConfig.thinkingBudget; thinking cannot be turned off on this model.',
            THINKING_BUDGET_FIELD,
          )),
    }
  }
  return rules
}
