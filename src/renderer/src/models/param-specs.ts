import type { ModelCapabilitiesView, ParameterSupportView } from '../../../shared/model-schemas'
import { MAX_ANSWERS } from '../../../shared/run-input-schemas'
import type { MessageKey } from '../i18n/messages-en'
import { HANDLED_BY_PARALLAX, supportOf } from './run-parameters'

export type NumericParameterName =
  'temperature' | 'top_p' | 'max_tokens' | 'seed' | 'presence_penalty' | 'frequency_penalty' | 'n'

export interface NumericSpec {
  name: NumericParameterName
  label: MessageKey
  help: MessageKey
  min?: number
  max?: number
  step: number
  integer: boolean
  /** Seeds are identifiers, not amounts: they get no slider. */
  slider: boolean
  /** The default of a parameter Parallax handles itself (the model's capabilities do not apply). */
  ownDefault?: number
}

/** The numeric parameters in the order the panel shows them, with ranges used when the model gives none. */
export const NUMERIC_SPECS: Record<NumericParameterName, NumericSpec> = {
  temperature: {
    name: 'temperature',
    label: 'params.temperature',
    help: 'params.temperature.help',
    min: 0,
    max: 2,
    step: 0.05,
    integer: false,
    slider: true,
  },
  top_p: {
    name: 'top_p',
    label: 'params.topP',
    help: 'params.topP.help',
    min: 0,
    max: 1,
    step: 0.01,
    integer: false,
    slider: true,
  },
  max_tokens: {
    name: 'max_tokens',
    label: 'params.maxTokens',
    help: 'params.maxTokens.help',
    min: 1,
    max: 32_768,
    step: 1,
    integer: true,
    slider: true,
  },
  seed: {
    name: 'seed',
    label: 'params.seed',
    help: 'params.seed.help',
    step: 1,
    integer: true,
    slider: false,
  },
  presence_penalty: {
    name: 'presence_penalty',
    label: 'params.presencePenalty',
    help: 'params.presencePenalty.help',
    min: -2,
    max: 2,
    step: 0.1,
    integer: false,
    slider: true,
  },
  frequency_penalty: {
    name: 'frequency_penalty',
    label: 'params.frequencyPenalty',
    help: 'params.frequencyPenalty.help',
    min: -2,
    max: 2,
    step: 0.1,
    integer: false,
    slider: true,
  },
  n: {
    name: 'n',
    label: 'params.n',
    help: 'params.n.help',
    min: 1,
    max: MAX_ANSWERS,
    step: 1,
    integer: true,
    slider: true,
    ownDefault: 1,
  },
}

/**
 * How the chosen model takes a parameter. One that Parallax handles itself (n: separate requests)
 * is always available, in its own range, whatever the model's capabilities say.
 */
export function supportFor(
  spec: NumericSpec,
  capabilities: ModelCapabilitiesView | null,
): ParameterSupportView | null {
  if (HANDLED_BY_PARALLAX.includes(spec.name)) {
    return {
      support: 'supported',
      ...(spec.min === undefined ? {} : { min: spec.min }),
      ...(spec.max === undefined ? {} : { max: spec.max }),
      ...(spec.ownDefault === undefined ? {} : { default: spec.ownDefault }),
    }
  }
  return supportOf(capabilities, spec.name)
}

export interface NumericRange {
  min?: number
  max?: number
  step: number
  integer: boolean
  /** The model's default when the capabilities name one. */
  modelDefault?: number
}

/** The model's own range where it has one; max tokens also stops at the model's output limit. */
export function numericRange(
  spec: NumericSpec,
  capabilities: ModelCapabilitiesView | null,
): NumericRange {
  const support = supportFor(spec, capabilities)
  const known = support && support.support !== 'unsupported' ? support : undefined
  let max = known?.max ?? spec.max
  if (spec.name === 'max_tokens' && capabilities && known?.max === undefined) {
    max = capabilities.maxOutputTokens
  }
  return {
    min: known?.min ?? spec.min,
    max,
    step: spec.step,
    integer: spec.integer,
    ...(typeof known?.default === 'number' ? { modelDefault: known.default } : {}),
  }
}

/** Whether typed text is a value the range accepts. */
export function parseInRange(text: string, range: NumericRange): number | null {
  if (text.trim() === '') return null
  const value = Number(text)
  if (!Number.isFinite(value)) return null
  if (range.integer && !Number.isInteger(value)) return null
  if (range.min !== undefined && value < range.min) return null
  if (range.max !== undefined && value > range.max) return null
  return value
}
