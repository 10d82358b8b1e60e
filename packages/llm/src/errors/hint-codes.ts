/**
 * What an `LlmError`'s hint advises, as a stable code a program can switch on (and a UI can word
 * in any language); `hint` says the same in English for people reading it as is.
 */
export const LLM_HINT_CODES = [
  // Reaching the provider
  'check_network',
  'check_server_running',
  'stream_idle',
  'install_package',
  // Credentials
  'check_api_key',
  'check_azure_key',
  'check_service_account',
  'service_account_refused',
  'paste_service_account_json',
  'use_service_account_key',
  'session_expired',
  'check_secret_key',
  'check_access_key_id',
  // Permission and access
  'key_lacks_permission',
  'azure_key_auth_disabled',
  'azure_network_rules',
  'region_not_served',
  'enable_api',
  'grant_vertex_role',
  'enable_model_access',
  'anthropic_use_case_form',
  'enable_billing',
  // Credit, quota and rate limits
  'add_credit',
  'quota_exhausted',
  'request_quota_increase',
  'rate_limited',
  'try_again_later',
  // Models and endpoints
  'check_model_id',
  'check_model_location',
  'check_model_and_base_url',
  'check_base_url',
  'model_not_available',
  'model_retired',
  'use_inference_profile',
  'azure_deployment_not_found',
  'check_azure_endpoint',
  // The request
  'shorten_conversation',
  'shorten_prompt',
  'request_too_large',
  'content_filter',
  'reasoning_model_parameter',
  'parameter_not_accepted',
  'sampling_not_accepted',
  'use_reasoning_effort',
  'temperature_or_top_p',
  'thinking_no_sampling',
  'max_tokens_above_budget',
  'tool_choice_auto_only',
  'keep_thought_signatures',
  'retry_or_simplify',
  'pick_vision_model',
  'use_json_schema',
] as const

export type LlmHintCode = (typeof LLM_HINT_CODES)[number]

/**
 * What a hint names; every value is plain text (a name or a number), never a sentence. A type,
 * not an interface, so it is also a `Record<string, string>` (JSON as it goes over the wire).
 */
export type LlmHintDetails = {
  /** The provider's name, e.g. "OpenAI", "Azure OpenAI". */
  provider?: string
  /** The cloud region the call went to. */
  region?: string
  /** The npm package to install. */
  package?: string
  /** The request parameter concerned. */
  parameter?: string
  /** The cloud API to enable, e.g. "aiplatform.googleapis.com". */
  api?: string
  /** A number of seconds. */
  seconds?: string
}

/** The three hint fields of an `LlmError`, to spread into its init. */
export interface LlmHint {
  hint: string
  hintCode: LlmHintCode
  hintDetails?: LlmHintDetails
}

/** A hint with its code (and details); the English text is what library users read. */
export function withHint(code: LlmHintCode, text: string, details?: LlmHintDetails): LlmHint {
  return { hint: text, hintCode: code, ...(details ? { hintDetails: details } : {}) }
}
