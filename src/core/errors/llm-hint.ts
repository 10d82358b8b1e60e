import type { LlmError, LlmHintCode, LlmHintDetails } from '@parallax/llm'

export interface HintFields {
  hint?: string
  hintCode?: LlmHintCode
  hintDetails?: LlmHintDetails
}

/** An LlmError's hint with its code and details, for the screen to word; empty without one. */
export function hintFieldsOf(error: LlmError): HintFields {
  return {
    ...(error.hint ? { hint: error.hint } : {}),
    ...(error.hintCode ? { hintCode: error.hintCode } : {}),
    ...(error.hintDetails ? { hintDetails: { ...error.hintDetails } } : {}),
  }
}
