import { useState } from 'react'
import type { ParameterSupportView } from '../../../shared/model-schemas'
import { useI18n } from '../i18n/i18n'
import { ParamRow } from './param-row'

export const MAX_STOP_SEQUENCES = 4

export interface StopSequencesRowProps {
  support: ParameterSupportView | null
  value: string[]
  /** An empty list unsets the parameter. */
  onChange(next: string[]): void
}

/** "\n" and "\t" typed in the box mean a line break and a tab: the stops people want most. */
export function unescapeStop(text: string): string {
  return text.replace(/\\([nt\\])/g, (_, code: string) =>
    code === 'n' ? '\n' : code === 't' ? '\t' : '\\',
  )
}

/** Shows invisible characters the way they were typed. */
export function displayStop(stop: string): string {
  return stop.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t')
}

/** Up to four stop sequences as chips: Enter adds the typed one, Backspace in an empty box removes the last. */
export function StopSequencesRow({ support, value, onChange }: StopSequencesRowProps) {
  const { t } = useI18n()
  const [draft, setDraft] = useState('')
  const full = value.length >= MAX_STOP_SEQUENCES

  const add = () => {
    const stop = unescapeStop(draft)
    if (stop === '' || full) return
    if (!value.includes(stop)) onChange([...value, stop])
    setDraft('')
  }

  return (
    <ParamRow
      name="stop"
      label={t('params.stop')}
      help={t('params.stop.help', { max: String(MAX_STOP_SEQUENCES) })}
      support={support}
      isSet={value.length > 0}
      onReset={() => onChange([])}
    >
      {(control) => (
        <div className="param-chips-box">
          {value.length > 0 && (
            <ul className="param-chips" aria-label={t('params.stop.list')}>
              {value.map((stop) => (
                <li key={stop} className="param-chip">
                  <code>{displayStop(stop)}</code>
                  <button
                    type="button"
                    aria-label={t('params.stop.remove', { value: displayStop(stop) })}
                    disabled={control.disabled}
                    onClick={() => onChange(value.filter((other) => other !== stop))}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <input
            id={control.id}
            type="text"
            className="param-chip-input"
            aria-describedby={control.describedBy}
            placeholder={full ? t('params.stop.full') : t('params.stop.placeholder')}
            value={draft}
            disabled={control.disabled || full}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault()
                add()
              } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
                onChange(value.slice(0, -1))
              }
            }}
          />
        </div>
      )}
    </ParamRow>
  )
}
