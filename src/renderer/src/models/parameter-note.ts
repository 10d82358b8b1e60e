import type { ParameterSupportView } from '../../../shared/model-schemas'
import type { Translate } from '../i18n/i18n'
import type { MessageKey } from '../i18n/messages-en'
import { translateComplete } from '../i18n/translate-complete'
import { parameterLabel } from './parameter-label'

type Noted = Extract<ParameterSupportView, { support: 'supported' | 'emulated' }>

/** The sentence for each of the library's NOTE_CODES. */
export const NOTE_SENTENCES: ReadonlyMap<string, MessageKey> = new Map(
  Object.entries({
    sent_as: 'reasons.note.sentAs',
    parallel_requests: 'reasons.note.parallelRequests',
    max_stop_sequences: 'reasons.note.maxStopSequences',
    json_modes_mapped: 'reasons.note.jsonModesMapped',
    json_schema_only: 'reasons.note.jsonSchemaOnly',
    sent_as_levels: 'reasons.note.sentAsLevels',
    prefer_other_parameter: 'reasons.note.preferOtherParameter',
    effort_as_thinking_budget: 'reasons.note.effortAsThinkingBudget',
    budget_below_max_tokens: 'reasons.note.budgetBelowMaxTokens',
    sent_as_minimal_low: 'reasons.note.sentAsMinimalLow',
    forced_tools_some_models: 'reasons.note.forcedToolsSomeModels',
    tool_choice_auto_only: 'reasons.note.toolChoiceAutoOnly',
    forced_tools_no_thinking: 'reasons.note.forcedToolsNoThinking',
    max_tokens_required: 'reasons.note.maxTokensRequired',
    caps_reasoning_tokens: 'reasons.note.capsReasoningTokens',
    sent_as_caps_reasoning: 'reasons.note.sentAsCapsReasoning',
    effort_values: 'reasons.note.effortValues',
    passed_through: 'reasons.note.passedThrough',
    budget_zero_turns_off: 'reasons.note.budgetZeroTurnsOff',
    thinking_always_on: 'reasons.note.thinkingAlwaysOn',
  } satisfies Record<string, MessageKey>),
)

/**
 * What a supported or emulated parameter's note says, in the page's language, from the library's
 * code and details; the library's English note for a code this screen does not know.
 */
export function parameterNote(support: Noted, t: Translate): string | undefined {
  const key = support.noteCode === undefined ? undefined : NOTE_SENTENCES.get(support.noteCode)
  if (!key) return support.note
  const params: Record<string, string> = {}
  for (const [name, value] of Object.entries(support.noteDetails ?? {})) {
    if (typeof value !== 'string' || value === '') continue
    params[name] = name === 'alternative' ? parameterLabel(value, t) : value
  }
  return translateComplete(t, key, params) ?? support.note
}
