import type { ParameterSupport } from './types'

/**
 * What a `supported` or `emulated` parameter's note says, as a stable code a program can switch on
 * (and a UI can word in any language); the English `note` beside it says the same for people
 * reading it as is. Details name fields, parameters and values, never a sentence.
 */
export const NOTE_CODES = [
  /** Sent under another name in the provider's request. Details: field. */
  'sent_as',
  /** The API returns one answer per call, so n > 1 runs n requests in parallel. */
  'parallel_requests',
  /** At most this many stop sequences. Details: count. */
  'max_stop_sequences',
  /** json_object and json_schema are both sent as the provider's own JSON output settings. */
  'json_modes_mapped',
  /** json_schema is sent as structured outputs; json_object is refused. */
  'json_schema_only',
  /** Sent as a level field taking these values; others are refused. Details: field, values. */
  'sent_as_levels',
  /** Accepted for compatibility; the alternative is preferred, never both. Details: alternative. */
  'prefer_other_parameter',
  /** reasoning_effort becomes a thinking budget in tokens. Details: values. */
  'effort_as_thinking_budget',
  /** Turns on extended thinking; the budget must stay below max_tokens. */
  'budget_below_max_tokens',
  /** Sent as another field, with 'minimal' sent as 'low'. Details: field. */
  'sent_as_minimal_low',
  /** Forced tool use ('required', a named function) needs one of these models. Details: model. */
  'forced_tools_some_models',
  /** Only 'auto' and 'none': the model refuses forced tool use. */
  'tool_choice_auto_only',
  /** Forced tool use cannot be combined with thinking. */
  'forced_tools_no_thinking',
  /** The provider requires it; when unset the model's maximum output is sent. Details: provider. */
  'max_tokens_required',
  /** Caps visible and reasoning tokens together. */
  'caps_reasoning_tokens',
  /** Sent as another field, which also caps reasoning tokens. Details: field. */
  'sent_as_caps_reasoning',
  /** The values it takes. Details: values. */
  'effort_values',
  /** Passed through as is; servers that do not know it may ignore it. */
  'passed_through',
  /** Sent as a field where 0 turns thinking off. Details: field. */
  'budget_zero_turns_off',
  /** Sent as a field; thinking cannot be turned off on this model. Details: field. */
  'thinking_always_on',
] as const

export type NoteCode = (typeof NOTE_CODES)[number]

/** What a note's sentence names (field, provider, model, alternative, values, count). */
export type NoteDetails = NonNullable<
  Extract<ParameterSupport, { support: 'supported' }>['noteDetails']
>

/** The note fields of a supported or emulated entry: its code, details and English sentence. */
export function noted(
  code: NoteCode,
  note: string,
  details?: NoteDetails,
): { note: string; noteCode: NoteCode; noteDetails?: NoteDetails } {
  return { note, noteCode: code, ...(details === undefined ? {} : { noteDetails: details }) }
}
