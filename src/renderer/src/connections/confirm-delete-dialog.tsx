import { useState } from 'react'
import { ConfirmDialog } from '../components/dialog/confirm-dialog'
import { useI18n } from '../i18n/i18n'

interface ConfirmDeleteDialogProps {
  label: string
  /** Resolves to null once deleted, or to the host's message. */
  onConfirm(): Promise<string | null>
  onClose(): void
}

/** Asks before a connection and its keys are deleted; Escape or Cancel keeps it. */
export function ConfirmDeleteDialog({ label, onConfirm, onClose }: ConfirmDeleteDialogProps) {
  const { t } = useI18n()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const confirm = async () => {
    setBusy(true)
    const problem = await onConfirm()
    setBusy(false)
    setError(problem)
  }

  return (
    <ConfirmDialog
      title={t('connections.delete.title', { label })}
      message={t('connections.delete.body')}
      confirmLabel={t('connections.delete.confirm')}
      cancelLabel={t('connections.delete.cancel')}
      destructive
      busy={busy}
      error={error === null ? null : t('connections.delete.failed', { message: error })}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    />
  )
}
