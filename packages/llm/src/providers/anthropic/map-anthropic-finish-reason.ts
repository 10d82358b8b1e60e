import type { FinishReason } from '../../types'

/**
 * Anthropic `stop_reason` → OpenAI `finish_reason`. `pause_turn` (a long server-tool turn the
 * caller may continue) ends this answer normally, so it maps to `stop`; running out of context
 * window is a truncation like `max_tokens`.
 */
export function mapAnthropicFinishReason(reason: string | null | undefined): FinishReason | null {
  switch (reason) {
    case 'end_turn':
    case 'stop_sequence':
    case 'pause_turn':
      return 'stop'
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length'
    case 'tool_use':
      return 'tool_calls'
    case 'refusal':
      return 'content_filter'
    case null:
    case undefined:
      return null
    default:
      return 'stop'
  }
}
