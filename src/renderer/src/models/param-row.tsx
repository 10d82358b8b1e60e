import { useId, useState, type ReactNode } from 'react'
import type { ParameterSupportView } from '../../../shared/model-schemas'
import { useI18n } from '../i18n/i18n'
import { parameterNote } from './parameter-note'
import { unsupportedReason } from './unsupported-reason'

/** What a row hands its control so that label, help and status reach assistive technology. */
export interface ParamControlProps {
  id: string
  labelId: string
  describedBy: string
  disabled: boolean
}

export interface ParamRowProps {
  name: string
  label: string
  /** One sentence on what the parameter does. */
  help: string
  support: ParameterSupportView | null
  /** The model's default, shown in the help; absent → "provider default". */
  modelDefault?: number | string
  isSet: boolean
  onReset(): void
  children(control: ParamControlProps): ReactNode
}

/**
 * One parameter: its label, an info button, the control, a reset to the model's default, and why
 * it is disabled (unsupported) or handled specially (emulated). The help shows while focused.
 */
export function ParamRow(props: ParamRowProps) {
  const { t } = useI18n()
  const id = useId()
  const [focused, setFocused] = useState(false)
  const [pinned, setPinned] = useState(false)
  const { support } = props
  const disabled = support?.support === 'unsupported'
  const status =
    support?.support === 'unsupported'
      ? t('params.unsupported', { reason: unsupportedReason(support, t) })
      : support?.support === 'emulated'
        ? (parameterNote(support, t) ?? null)
        : null
  const supportedNote = support?.support === 'supported' ? parameterNote(support, t) : undefined
  const defaultText =
    props.modelDefault === undefined
      ? t('params.defaultProvider')
      : t('params.default', { value: String(props.modelDefault) })
  const helpText = [props.help, supportedNote, defaultText].filter(Boolean).join(' ')
  const controlId = `${id}-control`
  const labelId = `${id}-label`
  const helpId = `${id}-help`
  const statusId = `${id}-status`

  return (
    <div
      className={disabled ? 'param-row param-row-disabled' : 'param-row'}
      data-testid={`param-${props.name}`}
      data-support={support?.support ?? 'unknown'}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false)
      }}
    >
      <div className="param-head">
        <label id={labelId} htmlFor={controlId} className="param-label">
          {props.label}
        </label>
        <button
          type="button"
          className="param-info"
          aria-label={t('params.about', { name: props.label })}
          aria-describedby={helpId}
          aria-expanded={pinned}
          title={helpText}
          onClick={() => setPinned((was) => !was)}
        >
          <span aria-hidden="true">i</span>
        </button>
        <button
          type="button"
          className="param-reset"
          aria-label={t('params.resetNamed', { name: props.label })}
          title={t('params.resetTitle')}
          disabled={!props.isSet}
          onClick={props.onReset}
        >
          {t('params.reset')}
        </button>
      </div>
      <div className="param-control">
        {props.children({
          id: controlId,
          labelId,
          describedBy: status ? `${helpId} ${statusId}` : helpId,
          disabled,
        })}
      </div>
      {status && (
        <p id={statusId} className={disabled ? 'param-reason' : 'param-note'}>
          {status}
        </p>
      )}
      <p id={helpId} className="param-help" hidden={!focused && !pinned}>
        {helpText}
      </p>
    </div>
  )
}
