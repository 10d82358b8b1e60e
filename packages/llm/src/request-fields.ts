import { PARAMETER_NAMES } from './parameter-names'
import type { ParameterName } from './types'

/**
 * Every field a ChatRequest may carry: the whole Chat Completions request of the installed
 * `openai` SDK, plus the library's own extensions. request-fields-check.ts fails the build when an SDK
 * upgrade adds a field this list (and so the rule tables typed by it) does not have yet.
 */
export const OPENAI_REQUEST_FIELDS = [
  'model',
  'messages',
  'audio',
  'frequency_penalty',
  'function_call',
  'functions',
  'logit_bias',
  'logprobs',
  'max_completion_tokens',
  'max_tokens',
  'metadata',
  'modalities',
  'moderation',
  'n',
  'parallel_tool_calls',
  'prediction',
  'presence_penalty',
  'prompt_cache_key',
  'prompt_cache_options',
  'prompt_cache_retention',
  'reasoning_effort',
  'response_format',
  'safety_identifier',
  'seed',
  'service_tier',
  'stop',
  'store',
  'stream',
  'stream_options',
  'temperature',
  'tool_choice',
  'tools',
  'top_logprobs',
  'top_p',
  'user',
  'verbosity',
  'web_search_options',
] as const

/** Fields the library adds to Chat Completions. */
export const EXTENSION_FIELDS = ['thinking_budget', 'top_k', 'extra_body'] as const

export type RequestField =
  (typeof OPENAI_REQUEST_FIELDS)[number] | (typeof EXTENSION_FIELDS)[number]

/** What a call is about; always required and checked for shape. */
const REQUEST_OWN = ['model', 'messages'] as const
/** Set by the call itself: stream() streams (with usage), complete() does not. */
export const CALL_OWN_FIELDS = ['stream', 'stream_options'] as const

/**
 * The fields beyond the form parameters (PARAMETER_NAMES) and the call's own: each provider says
 * for each model whether it maps, emulates or refuses them (field-rules.ts).
 */
export type ExtraField = Exclude<
  RequestField,
  ParameterName | (typeof REQUEST_OWN)[number] | (typeof CALL_OWN_FIELDS)[number]
>

const NOT_EXTRA = new Set<string>([...PARAMETER_NAMES, ...REQUEST_OWN, ...CALL_OWN_FIELDS])

export const REQUEST_FIELDS: readonly RequestField[] = [
  ...OPENAI_REQUEST_FIELDS,
  ...EXTENSION_FIELDS,
]

export const EXTRA_FIELDS = REQUEST_FIELDS.filter(
  (field): field is ExtraField => !NOT_EXTRA.has(field),
)

const KNOWN = new Set<string>(REQUEST_FIELDS)

export function isRequestField(name: string): name is RequestField {
  return KNOWN.has(name)
}
