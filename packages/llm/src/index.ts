/**
 * Parallax's provider library: one OpenAI-shaped API over OpenAI, Anthropic, AWS Bedrock,
 * Google Gemini, Vertex AI, Azure OpenAI and OpenAI-compatible endpoints.
 */
import { PROVIDER_IDS } from './provider-ids'
import { registry } from './registry'
import type { ProviderInfo } from './types'

export { complete, listModels, stream } from './call'
export { baseModelOf, capabilities, catalogModels, type CapabilityOptions } from './capabilities'
export { LLM_ERROR_KINDS, LlmError, isLlmError, type LlmErrorKind } from './errors/llm-error'
export {
  LLM_HINT_CODES,
  type LlmHint,
  type LlmHintCode,
  type LlmHintDetails,
} from './errors/hint-codes'
export { redactText } from './errors/redact-secrets'
export { NOTE_CODES, type NoteCode, type NoteDetails } from './note-codes'
export { PROVIDER_IDS } from './provider-ids'
export {
  UNSUPPORTED_CODES,
  type UnsupportedCode,
  type UnsupportedDetails,
} from './unsupported-codes'
export type * from './types'

/** Every provider with the credential fields a form needs. */
export const providers: ProviderInfo[] = PROVIDER_IDS.map((id) => registry[id].descriptor.info)
