import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import type { RpcError } from '../../../shared/rpc-result'
import { MIN_PASSPHRASE, newPassphraseProblem } from '../connections/new-passphrase'
import { PassphraseField } from '../connections/passphrase-field'
import { useI18n } from '../i18n/i18n'
import '../connections/vault-forms.css'

type Field = 'current' | 'next' | 'repeat'

interface VaultPassphraseFormProps {
  /** Resolves to null once every key is re-encrypted, or to the host's refusal. */
  onChange(current: string, next: string): Promise<RpcError | null>
  onDone(): void
  onCancel(): void
}

/** Current passphrase, then the new one twice; every saved key is re-encrypted under it. */
export function VaultPassphraseForm({ onChange, onDone, onCancel }: VaultPassphraseFormProps) {
  const { t } = useI18n()
  const id = useId()
  const [values, setValues] = useState<Record<Field, string>>({ current: '', next: '', repeat: '' })
  const [problem, setProblem] = useState<{ field: Field; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const currentRef = useRef<HTMLInputElement>(null)
  const nextRef = useRef<HTMLInputElement>(null)
  const repeatRef = useRef<HTMLInputElement>(null)
  const refs = { current: currentRef, next: nextRef, repeat: repeatRef }
  const min = String(MIN_PASSPHRASE)
  const errorId = `${id}-error`
  const helpId = `${id}-help`

  // After the inputs are enabled again, so focus can land on the field to fix.
  useEffect(() => {
    if (!problem) return
    const ref = { current: currentRef, next: nextRef, repeat: repeatRef }[problem.field]
    ref.current?.focus()
  }, [problem])

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    if (values.current === '') {
      setProblem({ field: 'current', text: t('connections.vault.unlock.empty') })
      return
    }
    const local = newPassphraseProblem(values.next, values.repeat)
    if (local !== null) {
      const field = local === 'connections.vault.unlock.mismatch' ? 'repeat' : 'next'
      setProblem({ field, text: t(local, { min }) })
      return
    }
    setProblem(null)
    setBusy(true)
    const error = await onChange(values.current, values.next)
    setBusy(false)
    if (error === null) {
      onDone()
      return
    }
    if (error.field === 'current') {
      setValues({ ...values, current: '' })
      setProblem({ field: 'current', text: t('settings.vault.change.wrongCurrent') })
    } else if (error.field === 'next') {
      setProblem({ field: 'next', text: t('connections.vault.unlock.tooShort', { min }) })
    } else {
      const text = t('settings.vault.change.failed', { message: error.message })
      setProblem({ field: 'current', text })
    }
  }

  const field = (name: Field, label: string, autoComplete: 'current-password' | 'new-password') => (
    <PassphraseField
      id={`${id}-${name}`}
      label={label}
      value={values[name]}
      onChange={(value) => setValues({ ...values, [name]: value })}
      autoComplete={autoComplete}
      invalid={problem?.field === name}
      describedBy={
        [name === 'next' ? helpId : '', problem?.field === name ? errorId : '']
          .filter(Boolean)
          .join(' ') || undefined
      }
      inputRef={refs[name]}
      disabled={busy}
    />
  )

  return (
    <form className="vault-form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <fieldset className="vault-form-fieldset">
        <legend>{t('settings.vault.change.title')}</legend>
        <p id={helpId} className="vault-form-hint">
          {t('settings.vault.change.help', { min })}
        </p>
        <div className="vault-form-row">
          {field('current', t('settings.vault.change.current'), 'current-password')}
          {field('next', t('settings.vault.change.next'), 'new-password')}
          {field('repeat', t('settings.vault.change.repeat'), 'new-password')}
        </div>
        <div className="vault-actions">
          <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
            {busy ? t('settings.vault.change.busy') : t('settings.vault.change.submit')}
          </button>
          <button type="button" onClick={onCancel} disabled={busy}>
            {t('settings.vault.change.cancel')}
          </button>
        </div>
        {problem && (
          <p id={errorId} role="alert" className="vault-form-error">
            {problem.text}
          </p>
        )}
      </fieldset>
    </form>
  )
}
