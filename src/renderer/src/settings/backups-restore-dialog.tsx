import { useState } from 'react'
import { useAppStore } from '../app/app-context'
import { useI18n } from '../i18n/i18n'
import { ModalDialog } from '../shortcuts/modal-dialog'

interface BackupsRestoreDialogProps {
  backup: string
  date: string
  onClose(): void
  onChosen(backup: string): void
}

/** Confirms a restore; `history.restore` only marks it for the next start. */
export function BackupsRestoreDialog({
  backup,
  date,
  onClose,
  onChosen,
}: BackupsRestoreDialogProps) {
  const { t } = useI18n()
  const { client } = useAppStore()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const confirm = () => {
    setBusy(true)
    setError(null)
    void client.invoke('history.restore', { backup }).then((result) => {
      setBusy(false)
      if (result.ok) onChosen(result.value.backup)
      else setError(result.error.message)
    })
  }

  return (
    <ModalDialog
      title={t('settings.backups.dialogTitle')}
      onClose={onClose}
      testId="restore-backup-dialog"
    >
      <div className="settings-confirm">
        <p>{t('settings.backups.dialogBody', { date })}</p>
        {error !== null && (
          <p role="alert" className="settings-error">
            {t('settings.backups.failed', { message: error })}
          </p>
        )}
        <div className="settings-dialog-actions">
          <button type="button" onClick={onClose} data-autofocus>
            {t('settings.backups.cancel')}
          </button>
          <button type="button" className="danger-filled" disabled={busy} onClick={confirm}>
            {t('settings.backups.confirm')}
          </button>
        </div>
      </div>
    </ModalDialog>
  )
}
