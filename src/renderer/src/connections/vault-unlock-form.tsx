import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import type { RpcError } from '../../../shared/rpc-result'
import { useI18n } from '../i18n/i18n'
import { MIN_PASSPHRASE, newPassphraseProblem } from './new-passphrase'
import { PassphraseField } from './passphrase-field'
import './vault-forms.css'

interface VaultUnlockFormProps {
  /** The vault has no passphrase yet: this form chooses it (typed twice, 8+ characters). */
  isNew: boolean
  /** Resolves to null once unlocked, or to the host's refusal. */
  onUnlock(passphrase: string): Promise<RpcError | null>
}

type Problem = { text: string; field: 'passphrase' | 'repeat' }

/** The passphrase form of a locked vault; on a new vault it sets the passphrase. */
export function VaultUnlockForm({ isNew, onUnlock }: VaultUnlockFormProps) {
  const { t } = useI18n()
  const id = useId()
  const [passphrase, setPassphrase] = useState('')
  const [repeat, setRepeat] = useState('')
  const [problem, setProblem] = useState<Problem | null>(null)
  const [busy, setBusy] = useState(false)
  const passphraseRef = useRef<HTMLInputElement>(null)
  const repeatRef = useRef<HTMLInputElement>(null)
  const min = String(MIN_PASSPHRASE)
  const hintId = `${id}-hint`
  const errorId = `${id}-error`

  // After the inputs are enabled again, so focus can land on the field to fix.
  useEffect(() => {
    if (problem) (problem.field === 'repeat' ? repeatRef : passphraseRef).current?.focus()
  }, [problem])
  const show = setProblem

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    const local = isNew
      ? newPassphraseProblem(passphrase, repeat)
      : passphrase === ''
        ? 'connections.vault.unlock.empty'
        : null
    if (local !== null) {
      const field = local === 'connections.vault.unlock.mismatch' ? 'repeat' : 'passphrase'
      show({ text: t(local, { min }), field })
      return
    }
    setProblem(null)
    setBusy(true)
    const error = await onUnlock(passphrase)
    setBusy(false)
    if (error === null) return
    setPassphrase('')
    setRepeat('')
    // On a vault that exists the only passphrase refusal is a wrong one; on a new one, its length.
    const text =
      error.field !== 'passphrase'
        ? t('connections.vault.unlock.failed', { message: error.message })
        : isNew
          ? t('connections.vault.unlock.tooShort', { min })
          : t('connections.vault.unlock.wrong')
    show({ text, field: 'passphrase' })
  }

  const describedBy = (field: Problem['field']) =>
    [isNew ? hintId : '', problem?.field === field ? errorId : ''].filter(Boolean).join(' ')

  return (
    <form className="vault-form" noValidate onSubmit={(event) => void onSubmit(event)}>
      {isNew && (
        <p id={hintId} className="vault-form-hint">
          {t('connections.vault.unlock.newHint', { min })}
        </p>
      )}
      <div className="vault-form-row">
        <PassphraseField
          id={`${id}-passphrase`}
          label={t(isNew ? 'connections.vault.unlock.newLabel' : 'connections.vault.unlock.label')}
          value={passphrase}
          onChange={setPassphrase}
          autoComplete={isNew ? 'new-password' : 'current-password'}
          invalid={problem?.field === 'passphrase'}
          describedBy={describedBy('passphrase')}
          inputRef={passphraseRef}
          disabled={busy}
        />
        {isNew && (
          <PassphraseField
            id={`${id}-repeat`}
            label={t('connections.vault.unlock.repeatLabel')}
            value={repeat}
            onChange={setRepeat}
            autoComplete="new-password"
            invalid={problem?.field === 'repeat'}
            describedBy={describedBy('repeat')}
            inputRef={repeatRef}
            disabled={busy}
          />
        )}
        <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
          {busy
            ? t(isNew ? 'connections.vault.unlock.creating' : 'connections.vault.unlock.busy')
            : t(isNew ? 'connections.vault.unlock.create' : 'connections.vault.unlock.submit')}
        </button>
      </div>
      {problem && (
        <p id={errorId} role="alert" className="vault-form-error">
          {problem.text}
        </p>
      )}
    </form>
  )
}
