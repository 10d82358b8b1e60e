import type { Translate } from '../i18n/i18n'
import type { MessageKey } from '../i18n/messages-en'

const LABELS: Record<string, MessageKey> = {
  temperature: 'params.temperature',
  top_p: 'params.topP',
  max_tokens: 'params.maxTokens',
  seed: 'params.seed',
  presence_penalty: 'params.presencePenalty',
  frequency_penalty: 'params.frequencyPenalty',
  reasoning_effort: 'params.reasoningEffort',
  stop: 'params.stop',
}

const EFFORTS: Record<string, MessageKey> = {
  minimal: 'params.effort.minimal',
  low: 'params.effort.low',
  medium: 'params.effort.medium',
  high: 'params.effort.high',
}

/**
 * A column's parameter overrides as short chips ("Temperature 0.2"), in the panel's order, for
 * the head of its answers. Parameters nobody set are the model's defaults and get no chip.
 */
export function parameterChips(
  parameters: Readonly<Record<string, unknown>>,
  t: Translate,
  locale: string,
): string[] {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 })
  const valueOf = (key: string, value: unknown): string => {
    if (typeof value === 'number') return key === 'seed' ? String(value) : number.format(value)
    if (key === 'reasoning_effort' && typeof value === 'string' && EFFORTS[value]) {
      return t(EFFORTS[value])
    }
    if (Array.isArray(value)) return value.map((item) => JSON.stringify(item)).join(' ')
    return typeof value === 'string' ? value : JSON.stringify(value)
  }
  const known = Object.keys(LABELS)
  const keys = [
    ...known.filter((key) => key in parameters),
    ...Object.keys(parameters).filter((key) => !known.includes(key)),
  ]
  return keys.flatMap((key) => {
    const value = parameters[key]
    if (value === undefined || value === null) return []
    const label = LABELS[key]
    return [`${label ? t(label) : key} ${valueOf(key, value)}`]
  })
}
