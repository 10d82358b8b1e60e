import { useState } from 'react'
import type { ProviderView } from '../app/app-context'
import type { ConnectionView } from '../app/app-context'
import { useI18n } from '../i18n/i18n'

type CredentialField = ProviderView['fields'][number]
type SecretHint = ConnectionView['secrets'][string]

interface CredentialFieldInputProps {
  id: string
  field: CredentialField
  value: string
  onChange(value: string): void
  error?: string | undefined
  /** When editing: what is saved for this secret (never the value itself). */
  saved?: SecretHint | undefined
  /** When editing an optional saved secret: whether it is marked for removal. */
  removed?: boolean
  onRemovedChange?(removed: boolean): void
  /** The address changed to another server: the saved value is not kept and must be entered. */
  rebound?: boolean
}

/** One field of a provider's connection form: label, input, help text and the host's error. */
export function CredentialFieldInput(props: CredentialFieldInputProps) {
  const { id, field, value, onChange, error, saved, removed = false, onRemovedChange } = props
  const { t } = useI18n()
  const [visible, setVisible] = useState(false)
  const helpId = `${id}-help`
  const errorId = `${id}-error`
  const masked = field.secret === true && !visible
  // The address now names another server: the saved value is not sent there (not kept).
  const rebound = props.rebound === true && field.secret === true && saved?.set === true
  const reboundId = `${id}-rebound`
  const describedBy = [error ? errorId : '', rebound ? reboundId : '', helpId]
    .filter(Boolean)
    .join(' ')
  // A saved key whose vault could not be decrypted must be typed again before the connection works.
  const reenter = field.secret === true && saved?.reenter === true
  // Left empty, a readable saved secret is kept: the field is not required then.
  const keepsSaved = field.secret === true && saved?.set === true && saved.damaged !== true
  const required = (field.required === true && !keepsSaved) || reenter || rebound

  const common = {
    id,
    value,
    placeholder: placeholderOf(field, rebound ? undefined : saved, t),
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    'aria-required': required ? true : undefined,
    disabled: removed,
    spellCheck: false,
    autoComplete: 'off',
    autoCapitalize: 'off',
  } as const

  return (
    <div className={`cx-field${error ? ' cx-field-invalid' : ''}`}>
      <div className="cx-field-head">
        <label htmlFor={id}>{field.label}</label>
        {required && (
          <span className="cx-required" aria-hidden="true">
            {t(reenter ? 'vaultReentry.form.required' : 'connections.form.required')}
          </span>
        )}
      </div>
      <div className="cx-input-row">
        {field.multiline ? (
          <textarea
            {...common}
            rows={5}
            className={masked ? 'cx-masked' : undefined}
            onChange={(event) => onChange(event.target.value)}
          />
        ) : (
          <input
            {...common}
            type={masked ? 'password' : 'text'}
            onChange={(event) => onChange(event.target.value)}
          />
        )}
        {field.secret && (
          <button
            type="button"
            className="cx-reveal"
            aria-label={t('connections.form.showField', { field: field.label })}
            aria-pressed={visible}
            aria-controls={id}
            onClick={() => setVisible((shown) => !shown)}
          >
            {t('connections.form.show')}
          </button>
        )}
      </div>
      {error && (
        <p id={errorId} className="cx-error" role="alert">
          {error}
        </p>
      )}
      {rebound && !removed && (
        <p id={reboundId} className="cx-field-warning" data-testid="address-changed">
          {t('connections.bind.addressChanged')}
        </p>
      )}
      <p id={helpId} className="cx-help">
        {field.help}
      </p>
      {field.secret && !field.required && (saved?.set || reenter) && onRemovedChange && (
        <label className="cx-remove">
          <input
            type="checkbox"
            checked={removed}
            onChange={(event) => onRemovedChange(event.target.checked)}
          />
          {t('connections.form.removeSecret', { field: field.label })}
        </label>
      )}
    </div>
  )
}

function placeholderOf(
  field: CredentialField,
  saved: SecretHint | undefined,
  t: ReturnType<typeof useI18n>['t'],
): string | undefined {
  if (field.secret && saved?.reenter) return t('vaultReentry.form.placeholder')
  if (!field.secret || !saved?.set) return field.placeholder
  if (saved.damaged) return t('connections.form.damagedSecret')
  if (saved.last4 === '') return t('connections.form.savedSecretShort')
  return t('connections.form.savedSecret', { last4: saved.last4 })
}
