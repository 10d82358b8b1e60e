import { useRef, useState, type FormEvent } from 'react'
import { type SettingsView, useAppStore } from '../app/app-context'
import { useI18n } from '../i18n/i18n'
import { checkLimits, draftOf, limitSpecs, type LimitField, type LimitSpec } from './request-limits'

type Status = 'idle' | 'saving' | 'saved' | { failed: string }

/** Request timeout, idle timeout and retries; checked here, then saved together. */
export function RequestLimitsForm({ settings }: { settings: SettingsView }) {
  const { t } = useI18n()
  const { updateSettings } = useAppStore()
  const [draft, setDraft] = useState(() => draftOf(settings))
  const [checked, setChecked] = useState<ReadonlySet<LimitField>>(new Set())
  const [status, setStatus] = useState<Status>('idle')
  const formRef = useRef<HTMLFormElement>(null)
  const check = checkLimits(draft, settings)
  const dirty = check.invalid.length > 0 || Object.keys(check.changes).length > 0
  const errorOf = (spec: LimitSpec) =>
    checked.has(spec.field) && check.invalid.includes(spec)
      ? t('settings.invalidNumber', {
          field: t(spec.labelKey),
          min: String(spec.min),
          max: String(spec.max),
        })
      : null

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    setChecked(new Set(limitSpecs.map((spec) => spec.field)))
    const firstInvalid = check.invalid[0]
    if (firstInvalid) {
      formRef.current?.querySelector<HTMLInputElement>(`[name="${firstInvalid.field}"]`)?.focus()
      return
    }
    setStatus('saving')
    void updateSettings(check.changes).then((result) =>
      setStatus(result.ok ? 'saved' : { failed: result.error.message }),
    )
  }

  return (
    <section className="panel settings-section" aria-labelledby="settings-requests">
      <h2 id="settings-requests">{t('settings.requests')}</h2>
      <p className="settings-note">{t('settings.requests.hint')}</p>
      <form ref={formRef} noValidate onSubmit={onSubmit} className="settings-limits">
        {limitSpecs.map((spec) => {
          const error = errorOf(spec)
          const id = `settings-${spec.field}`
          return (
            <div key={spec.field} className="settings-field">
              <label htmlFor={id}>{t(spec.labelKey)}</label>
              <div className="settings-input-row">
                <input
                  id={id}
                  name={spec.field}
                  type="number"
                  inputMode="numeric"
                  min={spec.min}
                  max={spec.max}
                  step={1}
                  value={draft[spec.field]}
                  aria-invalid={error !== null}
                  aria-describedby={`${id}-help${error === null ? '' : ` ${id}-error`}`}
                  onChange={(event) => {
                    setDraft({ ...draft, [spec.field]: event.target.value })
                    setStatus('idle')
                  }}
                  onBlur={() => setChecked(new Set(checked).add(spec.field))}
                />
                {spec.seconds && (
                  <span className="settings-unit">{t('settings.unit.seconds')}</span>
                )}
              </div>
              <p id={`${id}-help`} className="settings-help">
                {t(spec.helpKey, { min: String(spec.min), max: String(spec.max) })}
              </p>
              {error !== null && (
                <p id={`${id}-error`} className="settings-error">
                  {error}
                </p>
              )}
            </div>
          )
        })}
        <div className="settings-actions">
          <button type="submit" className="primary" disabled={!dirty || status === 'saving'}>
            {status === 'saving' ? t('settings.saving') : t('settings.save')}
          </button>
          <p role="status" className="settings-status">
            {status === 'saved' && t('settings.saved')}
          </p>
        </div>
        {typeof status === 'object' && (
          <p role="alert" className="settings-error">
            {t('settings.saveFailed', { message: status.failed })}
          </p>
        )}
      </form>
    </section>
  )
}
