import type { ParameterName, ParameterSupport } from '../../types'
import { unsupportedEach } from '../../unsupported-codes'
import { geminiFamily, thinkingBudgetRange, thinkingLevels } from './google-model-traits'

type Rules = Partial<Record<ParameterName, ParameterSupport>>

/**
 * Parameter support shared by the Gemini API and Vertex AI (same models, same generateContent
 * request). Catalog entries narrow these per model.
 */
export function googleParameterRules(model: string): Rules {
  const family = geminiFamily(model)
  const rules: Rules = {
    temperature: { support: 'supported', min: 0, max: 2, default: 1 },
    top_p: { support: 'supported', min: 0, max: 1, default: 0.95 },
    max_tokens: { support: 'supported', min: 1, note: 'Sent as generationConfig.maxOutputTokens.' },
    max_completion_tokens: {
      support: 'supported',
      min: 1,
      note: 'Sent as generationConfig.maxOutputTokens.',
    },
    n: {
      support: 'emulated',
      min: 1,
      max: 8,
      default: 1,
      note: 'Runs n requests in parallel: candidateCount > 1 is refused by several current Gemini models.',
    },
    stop: { support: 'supported', note: 'Up to 5 stop sequences.' },
    seed: { support: 'supported' },
    tools: { support: 'supported' },
    tool_choice: { support: 'supported' },
    response_format: {
      support: 'supported',
      note: 'json_object → responseMimeType application/json; json_schema → responseJsonSchema.',
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
      note: `Sent as thinkingConfig.thinkingLevel (${levels.join(', ')}); a value the model lacks is refused by the API.`,
    }
    rules.thinking_budget = {
      support: 'supported',
      min: 0,
      max: 32_768,
      note: 'Gemini 3 accepts thinkingBudget for compatibility; reasoning_effort (thinkingLevel) is preferred. Not both at once.',
    }
  } else if (family === 'gemini-2.5') {
    const range = thinkingBudgetRange(model)
    rules.reasoning_effort = {
      support: 'supported',
      note: 'Mapped to a thinking budget: minimal → off (or the minimum), low 1024, medium 8192, high 24576 tokens.',
    }
    rules.thinking_budget = {
      support: 'supported',
      min: range.min,
      max: range.max,
      note:
        range.min === 0
          ? 'Sent as thinkingConfig.thinkingBudget; 0 turns thinking off.'
          : 'Sent as thinkingConfig.thinkingBudget; thinking cannot be turned off on this model.',
    }
  }
  return rules
}
