import type { FinishReason } from '../../types'

/**
 * OpenAI's own reasons map one to one; compatible servers also send `eos`, `end_turn`,
 * `max_tokens`, `model_length`, `tool_use`… — mapped by meaning, anything else is `stop`.
 */
export function mapOpenAIFinishReason(reason: string | null | undefined): FinishReason | null {
  if (reason === null || reason === undefined || reason === '') return null
  switch (reason) {
    case 'stop':
    case 'length':
    case 'tool_calls':
    case 'content_filter':
      return reason
    case 'function_call':
    case 'tool_use':
      return 'tool_calls'
    case 'max_tokens':
    case 'model_length':
      return 'length'
    case 'safety':
    case 'refusal':
      return 'content_filter'
    default:
      return 'stop'
  }
}
