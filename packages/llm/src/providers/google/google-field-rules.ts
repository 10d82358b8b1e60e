import { noted } from '../../note-codes'
import type { ExtraField } from '../../request-fields'
import type { ParameterSupport } from '../../types'

/** What generateContent (Gemini API and Vertex AI) takes of the fields beyond the form parameters. */
export function googleFieldRules(): Partial<Record<ExtraField, ParameterSupport>> {
  return {
    top_k: {
      support: 'supported',
      min: 1,
      ...noted('sent_as', 'Sent as generationConfig.topK.', { field: 'generationConfig.topK' }),
    },
    logprobs: {
      support: 'supported',
      ...noted('sent_as', 'Sent as generationConfig.responseLogprobs.', {
        field: 'generationConfig.responseLogprobs',
      }),
    },
    top_logprobs: {
      support: 'supported',
      min: 0,
      max: 20,
      ...noted('sent_as', 'Sent as generationConfig.logprobs.', {
        field: 'generationConfig.logprobs',
      }),
    },
  }
}
