import { useState } from 'react'
import type { ModelCapabilitiesView } from '../../../shared/model-schemas'
import { useI18n, type Translate } from '../i18n/i18n'
import {
  numericRange,
  parseInRange,
  supportFor,
  type NumericRange,
  type NumericSpec,
} from './param-specs'
import { ParamRow } from './param-row'

export interface NumericParamRowProps {
  spec: NumericSpec
  capabilities: ModelCapabilitiesView | null
  /** Undefined: not set, the model's default applies. */
  value: number | undefined
  onChange(next: number | undefined): void
}

/** A slider and a number box kept in step; emptying the box or Reset unsets the parameter. */
export function NumericParamRow({ spec, capabilities, value, onChange }: NumericParamRowProps) {
  const { t } = useI18n()
  // What the person is typing, which may be unfinished ("0.", "-"); null shows the value itself.
  const [draft, setDraft] = useState<string | null>(null)
  const range = numericRange(spec, capabilities)
  const label = t(spec.label)
  const text = draft ?? (value === undefined ? '' : String(value))
  const invalid = draft !== null && draft.trim() !== '' && parseInRange(draft, range) === null
  const sliderValue = value ?? range.modelDefault ?? range.min ?? 0

  const onText = (next: string) => {
    setDraft(next)
    if (next.trim() === '') onChange(undefined)
    else {
      const parsed = parseInRange(next, range)
      if (parsed !== null) onChange(parsed)
    }
  }

  return (
    <ParamRow
      name={spec.name}
      label={label}
      help={t(spec.help)}
      support={supportFor(spec, capabilities)}
      modelDefault={range.modelDefault}
      isSet={value !== undefined}
      onReset={() => {
        setDraft(null)
        onChange(undefined)
      }}
    >
      {(control) => (
        <>
          {spec.slider && range.min !== undefined && range.max !== undefined && (
            <input
              type="range"
              className={value === undefined ? 'param-slider param-unset' : 'param-slider'}
              aria-labelledby={control.labelId}
              // The same name again: axe takes a label scrolled out of the panel for a hidden one.
              aria-label={label}
              aria-describedby={control.describedBy}
              min={range.min}
              max={range.max}
              step={range.step}
              value={sliderValue}
              disabled={control.disabled}
              onChange={(event) => {
                setDraft(null)
                onChange(Number(event.target.value))
              }}
            />
          )}
          <input
            id={control.id}
            type="number"
            className={spec.slider ? 'param-number' : 'param-number param-number-wide'}
            aria-describedby={control.describedBy}
            aria-invalid={invalid || undefined}
            min={range.min}
            max={range.max}
            step={spec.integer ? 1 : 'any'}
            placeholder={
              range.modelDefault === undefined
                ? t('params.placeholderDefault')
                : String(range.modelDefault)
            }
            value={text}
            disabled={control.disabled}
            onChange={(event) => onText(event.target.value)}
            onBlur={() => setDraft(null)}
          />
          {spec.name === 'seed' && (
            <button
              type="button"
              className="param-small-button"
              disabled={control.disabled}
              onClick={() => {
                setDraft(null)
                onChange(Math.floor(Math.random() * 2 ** 31))
              }}
            >
              {t('params.seed.random')}
            </button>
          )}
          {invalid && (
            <span className="param-error" role="alert">
              {rangeMessage(t, range)}
            </span>
          )}
        </>
      )}
    </ParamRow>
  )
}

function rangeMessage(t: Translate, range: NumericRange): string {
  if (range.min !== undefined && range.max !== undefined) {
    const bounds = { min: String(range.min), max: String(range.max) }
    return t(range.integer ? 'params.rangeInteger' : 'params.range', bounds)
  }
  return t(range.integer ? 'params.invalidInteger' : 'params.invalidNumber')
}
