import type { ParameterName, ParameterSupport } from './types'

/**
 * Why a parameter is `unsupported`, as a stable code a program can switch on (and a UI can word
 * in any language); the English `reason` beside it says the same for people reading it as is.
 */
export const UNSUPPORTED_CODES = [
  /** The model does not reason, so it takes no reasoning parameter. Details: model (provider). */
  'not_reasoning_model',
  /** A reasoning model refuses this sampling parameter. Details: model, parameter (alternative). */
  'reasoning_model_rejects',
  /** The model has no tool calling. Details: model (provider). */
  'no_tool_calling',
  /** The provider's API has no such parameter. Details: api, parameter (alternative). */
  'api_has_no_parameter',
  /** The API version the SDK sends refuses the parameter. Details: api, version, parameter. */
  'api_version_rejects',
  /** The model takes another parameter for this. Details: model, parameter, alternative. */
  'use_other_parameter',
  /** This model (or family) refuses the parameter. Details: model, parameter. */
  'model_rejects_parameter',
  /** No structured outputs for this model on this provider. Details: model, provider. */
  'no_structured_output',
  /** The model's reasoning cannot be steered on this provider. Details: model, provider. */
  'no_reasoning_control',
  /** The model takes no thinking budget on this provider. Details: model, provider. */
  'no_thinking_budget',
  /** The model decides itself how long to think. Details: model (alternative). */
  'adaptive_thinking',
  /** No request field has this name. Details: parameter (alternative: the nearest valid name). */
  'unknown_parameter',
  /** The provider would answer with something the library does not return (audio, log probabilities). Details: parameter, provider. */
  'answer_not_kept',
  /** The call sets it (stream() streams, complete() does not). Details: parameter. */
  'set_by_call',
] as const

export type UnsupportedCode = (typeof UNSUPPORTED_CODES)[number]

/** What an unsupported entry's sentence names (model, provider, api, version, parameter, alternative). */
export type UnsupportedDetails = Extract<ParameterSupport, { support: 'unsupported' }>['details']

/** An `unsupported` entry: its code and details, and the English sentence for library users. */
export function unsupported(
  code: UnsupportedCode,
  reason: string,
  details: UnsupportedDetails,
): ParameterSupport {
  return { support: 'unsupported', code, details, reason }
}

/** The same entry for several parameters, each naming its own parameter in the details. */
export function unsupportedEach<N extends ParameterName>(
  names: readonly N[],
  code: UnsupportedCode,
  reason: (name: N) => string,
  details: Omit<UnsupportedDetails, 'parameter'>,
): Partial<Record<N, ParameterSupport>> {
  const rules: Partial<Record<N, ParameterSupport>> = {}
  for (const name of names)
    rules[name] = unsupported(code, reason(name), { ...details, parameter: name })
  return rules
}

/** The library returns text and tool calls; it would drop what this field asks the provider for. */
export function answerNotKept(parameter: string, provider: string, what: string): ParameterSupport {
  return unsupported('answer_not_kept', `The library does not return ${what} from ${provider}.`, {
    parameter,
    provider,
  })
}
