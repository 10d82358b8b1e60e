import type { MessageKey } from '../i18n/messages-en'

export type LimitField = 'requestTimeoutSeconds' | 'idleTimeoutSeconds' | 'maxRetries'

export interface LimitSpec {
  field: LimitField
  labelKey: MessageKey
  helpKey: MessageKey
  min: number
  max: number
  /** Seconds fields show a unit after the box. */
  seconds: boolean
}

/** The same bounds as SettingsUpdateSchema, so a value the form accepts the host accepts too. */
export const limitSpecs: readonly LimitSpec[] = [
  {
    field: 'requestTimeoutSeconds',
    labelKey: 'settings.requestTimeout',
    helpKey: 'settings.requestTimeout.help',
    min: 10,
    max: 3600,
    seconds: true,
  },
  {
    field: 'idleTimeoutSeconds',
    labelKey: 'settings.idleTimeout',
    helpKey: 'settings.idleTimeout.help',
    min: 5,
    max: 600,
    seconds: true,
  },
  {
    field: 'maxRetries',
    labelKey: 'settings.maxRetries',
    helpKey: 'settings.maxRetries.help',
    min: 0,
    max: 5,
    seconds: false,
  },
]

export type LimitDraft = Record<LimitField, string>
export type LimitValues = Record<LimitField, number>

export interface LimitCheck {
  /** The fields that differ from `saved` and are valid. */
  changes: Partial<LimitValues>
  /** The fields whose text is not a whole number within bounds. */
  invalid: LimitSpec[]
}

/** Parses what the person typed; a field is valid when it is a whole number within its bounds. */
export function checkLimits(draft: LimitDraft, saved: LimitValues): LimitCheck {
  const changes: Partial<LimitValues> = {}
  const invalid: LimitSpec[] = []
  for (const spec of limitSpecs) {
    const text = draft[spec.field].trim()
    const value = Number(text)
    if (!/^\d+$/.test(text) || value < spec.min || value > spec.max) invalid.push(spec)
    else if (value !== saved[spec.field]) changes[spec.field] = value
  }
  return { changes, invalid }
}

export function draftOf(values: LimitValues): LimitDraft {
  return {
    requestTimeoutSeconds: String(values.requestTimeoutSeconds),
    idleTimeoutSeconds: String(values.idleTimeoutSeconds),
    maxRetries: String(values.maxRetries),
  }
}
