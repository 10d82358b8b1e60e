import { useId, useState, type FormEvent } from 'react'
import { useAppStore } from '../app/app-context'
import { ModalDialog } from '../components/dialog/modal-dialog'
import { useI18n } from '../i18n/i18n'

interface ClearHistoryDialogProps {
  onClose(): void
  onCleared(count: number): void
}

/** Asks for the confirm word before `history.clear`; nothing is deleted until it matches. */
export function ClearHistoryDialog({ onClose, onCleared }: ClearHistoryDialogProps) {
  const { t } = useI18n()
  const { client } = useAppStore()
  const inputId = useId()
  const [typed, setTyped] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const word = t('settings.clear.confirmWord')
  const confirmed = typed.trim().toLocaleLowerCase() === word.toLocaleLowerCase()

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!confirmed || busy) return
    setBusy(true)
    setError(null)
    void client.invoke('history.clear', { confirm: true }).then((result) => {
      setBusy(false)
      if (result.ok) onCleared(result.value.deleted)
      else setError(result.error.message)
    })
  }

  return (
    <ModalDialog
      title={t('settings.clear.dialogTitle')}
      onClose={onClose}
      testId="clear-history-dialog"
    >
      <form onSubmit={onSubmit} className="settings-confirm">
        <p>{t('settings.clear.dialogBody')}</p>
        <label htmlFor={inputId}>{t('settings.clear.confirmLabel', { word })}</label>
        <input
          id={inputId}
          data-autofocus
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
        {error !== null && (
          <p role="alert" className="settings-error">
            {t('settings.clear.failed', { message: error })}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            {t('settings.clear.cancel')}
          </button>
          <button type="submit" className="danger-filled" disabled={!confirmed || busy}>
            {busy ? t('settings.clear.clearing') : t('settings.clear.confirm')}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
