import { noted } from '../../note-codes'
import { answerNotKept } from '../../unsupported-codes'
import type { ExtraField } from '../../request-fields'
import type { ParameterSupport } from '../../types'

/** What generateContent (Gemini API and Vertex AI) takes of the fields beyond the form parameters. */
export function googleFieldRules(
  api: 'Gemini API' | 'Vertex AI',
): Partial<Record<ExtraField, ParameterSupport>> {
  return {
    top_k: {
      support: 'supported',
      min: 1,
      ...noted('sent_as', 'Sent as generationConfig.topK.', { field: 'generationConfig.topK' }),
    },
    logprobs: answerNotKept('logprobs', api, 'log probabilities'),
    top_logprobs: answerNotKept('top_logprobs', api, 'log probabilities'),
  }
}
