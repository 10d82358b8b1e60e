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

export interface ReasonFields {
  reasonCode?: string
  reasonDetails?: Record<string, string>
}

/** Why a request field was refused (`unsupported_parameter`): the library's code and details. */
export function reasonFieldsOf(error: LlmError): ReasonFields {
  if (error.kind !== 'unsupported_parameter' || !error.code) return {}
  const details: Record<string, string> = {}
  for (const [name, value] of Object.entries(error.details ?? {}))
    if (typeof value === 'string') details[name] = value
  return { reasonCode: error.code, reasonDetails: details }
}
