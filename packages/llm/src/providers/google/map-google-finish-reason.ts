import type { FinishReason } from '../../types'

const FILTERED = new Set([
  'SAFETY',
  'RECITATION',
  'BLOCKLIST',
  'PROHIBITED_CONTENT',
  'SPII',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
  'IMAGE_RECITATION',
  'MODEL_ARMOR',
  'LANGUAGE',
])

/**
 * Gemini finishReason → OpenAI finish_reason. A function call ends with STOP, so a candidate that
 * holds functionCall parts maps to tool_calls. MALFORMED_FUNCTION_CALL, OTHER and the rest end
 * the answer normally (stop).
 */
export function mapGoogleFinishReason(
  reason: string | undefined,
  hasToolCalls: boolean,
): FinishReason {
  if (reason === 'MAX_TOKENS') return 'length'
  if (reason && FILTERED.has(reason)) return 'content_filter'
  return hasToolCalls ? 'tool_calls' : 'stop'
}
