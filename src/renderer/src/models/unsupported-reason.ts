import type { ParameterSupportView } from '../../../shared/model-schemas'
import type { Translate } from '../i18n/i18n'
import type { MessageKey } from '../i18n/messages-en'
import { translateComplete } from '../i18n/translate-complete'
import { parameterLabel } from './parameter-label'

type Unsupported = Extract<ParameterSupportView, { support: 'unsupported' }>

/** The sentence for each of the library's UNSUPPORTED_CODES. */
export const UNSUPPORTED_SENTENCES: ReadonlyMap<string, MessageKey> = new Map(
  Object.entries({
    not_reasoning_model: 'reasons.unsupported.notReasoningModel',
    reasoning_model_rejects: 'reasons.unsupported.reasoningModelRejects',
    no_tool_calling: 'reasons.unsupported.noToolCalling',
    api_has_no_parameter: 'reasons.unsupported.apiHasNoParameter',
    api_version_rejects: 'reasons.unsupported.apiVersionRejects',
    use_other_parameter: 'reasons.unsupported.useOtherParameter',
    model_rejects_parameter: 'reasons.unsupported.modelRejectsParameter',
    no_structured_output: 'reasons.unsupported.noStructuredOutput',
    no_reasoning_control: 'reasons.unsupported.noReasoningControl',
    no_thinking_budget: 'reasons.unsupported.noThinkingBudget',
    adaptive_thinking: 'reasons.unsupported.adaptiveThinking',
    unknown_parameter: 'reasons.unsupported.unknownParameter',
    answer_not_kept: 'reasons.unsupported.answerNotKept',
    set_by_call: 'reasons.unsupported.setByCall',
  } satisfies Record<string, MessageKey>),
)

/**
 * Why a parameter is unavailable, in the page's language, from the library's code and details;
 * the library's English reason for a code this screen does not know (a newer library).
 */
export function unsupportedReason(support: Unsupported, t: Translate): string {
  const key = UNSUPPORTED_SENTENCES.get(support.code)
  if (!key) return support.reason
  const params = detailParams(support.details, t)
  const sentence = translateComplete(t, key, params)
  if (sentence === undefined) return support.reason
  // use_other_parameter names the alternative itself; the others add it as advice.
  if (params.alternative === undefined || support.code === 'use_other_parameter') return sentence
  return `${sentence} ${t('reasons.useInstead', params)}`
}

function detailParams(details: Unsupported['details'], t: Translate): Record<string, string> {
  const params: Record<string, string> = {}
  for (const [name, value] of Object.entries(details)) {
    if (typeof value !== 'string' || value === '') continue
    params[name] = name === 'parameter' || name === 'alternative' ? parameterLabel(value, t) : value
  }
  return params
}
