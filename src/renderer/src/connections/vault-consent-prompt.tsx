import { useId, useState } from 'react'
import { useI18n } from '../i18n/i18n'

interface VaultConsentPromptProps {
  /** The host's own explanation in the page's language (wordVaultNote), shown in smaller text. */
  note?: string | undefined
  /** Records the consent; resolves to null on success or to the host's message. */
  onAllow(): Promise<string | null>
  /** Read the warning out at once (it appeared because a save was refused). */
  announce?: boolean
}

/** The warning that keys would only be obfuscated here, with the one button that accepts it. */
export function VaultConsentPrompt({ note, onAllow, announce = false }: VaultConsentPromptProps) {
  const { t } = useI18n()
  const titleId = useId()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const allow = async () => {
    setBusy(true)
    const message = await onAllow()
    setBusy(false)
    setError(message)
  }

  return (
    <section className="cx-warning" aria-labelledby={titleId} data-testid="vault-consent">
      <h2 id={titleId} className="cx-warning-title">
        {t('connections.vault.consentTitle')}
      </h2>
      <p role={announce ? 'alert' : undefined}>{t('connections.vault.consentBody')}</p>
      {note && <p className="cx-warning-note">{note}</p>}
      <button type="button" onClick={() => void allow()} disabled={busy} aria-busy={busy}>
        {t('connections.vault.consentButton')}
      </button>
      {error && (
        <p className="cx-warning-note">
          {t('connections.vault.consentFailed', { message: error })}
        </p>
      )}
    </section>
  )
}
