import { useI18n } from '../i18n/i18n'

/**
 * A failure as the provider (or the host) put it, mostly English: folded under a label in the
 * page's language, so the screen reads in one language and the text is still there to copy.
 */
export function OriginalMessage({ message, className }: { message: string; className: string }) {
  const { t } = useI18n()
  return (
    <details className={className} data-testid="original-message">
      <summary>{t('reasons.originalMessage')}</summary>
      <p>{message}</p>
    </details>
  )
}
