import { ConfirmDialog } from '../components/dialog/confirm-dialog'
import { OriginalMessage } from '../components/original-message'
import { useI18n } from '../i18n/i18n'

interface SaveAnywayDialogProps {
  /** Why the test of the form's values failed, worded for the person. */
  reason: string
  /** The provider's own words, when it gave any. */
  original?: string | undefined
  onSave(): void
  onCancel(): void
}

/** Asks before a connection whose test failed is saved; Cancel or Escape keeps the form as typed. */
export function SaveAnywayDialog({ reason, original, onSave, onCancel }: SaveAnywayDialogProps) {
  const { t } = useI18n()
  return (
    <ConfirmDialog
      title={t('connections.form.saveAnywayTitle')}
      message={t('connections.form.saveAnywayBody', { reason })}
      confirmLabel={t('connections.form.saveAnyway')}
      cancelLabel={t('connections.form.cancel')}
      testId="save-anyway"
      onConfirm={onSave}
      onCancel={onCancel}
    >
      {original && <OriginalMessage className="cx-dialog-original" message={original} />}
    </ConfirmDialog>
  )
}
