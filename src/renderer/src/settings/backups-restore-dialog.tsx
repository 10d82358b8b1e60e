import { useState } from 'react'
import { useAppStore } from '../app/app-context'
import { ConfirmDialog } from '../components/dialog/confirm-dialog'
import { useI18n } from '../i18n/i18n'

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
    <ConfirmDialog
      title={t('settings.backups.dialogTitle')}
      message={t('settings.backups.dialogBody', { date })}
      confirmLabel={t('settings.backups.confirm')}
      cancelLabel={t('settings.backups.cancel')}
      destructive
      busy={busy}
      error={error === null ? null : t('settings.backups.failed', { message: error })}
      testId="restore-backup-dialog"
      onConfirm={confirm}
      onCancel={onClose}
    />
  )
}
