import { ConfirmDialog } from '../components/dialog/confirm-dialog'
import { useI18n } from '../i18n/i18n'

/** Asks before a link from model output opens in the browser, showing its full address. */
export function OpenLinkDialog(props: { url: string; onOpen(): void; onCancel(): void }) {
  const { t } = useI18n()
  return (
    <ConfirmDialog
      title={t('markdown.link.dialogTitle')}
      message={t('markdown.link.dialogBody')}
      confirmLabel={t('markdown.link.open')}
      cancelLabel={t('markdown.link.cancel')}
      testId="markdown-link-dialog"
      onConfirm={props.onOpen}
      onCancel={props.onCancel}
    >
      <p className="markdown-dialog-url" data-testid="markdown-link-url">
        {props.url}
      </p>
    </ConfirmDialog>
  )
}
