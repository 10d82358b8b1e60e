import { useI18n } from '../i18n/i18n'
import { VaultConsentPrompt } from './vault-consent-prompt'
import type { VaultStatus } from './use-vault-status'

interface VaultStatusBannerProps {
  status: VaultStatus | null
  onAllowInsecure(): Promise<string | null>
}

/** One line on how keys are kept here, or the consent prompt when they would only be obfuscated. */
export function VaultStatusBanner({ status, onAllowInsecure }: VaultStatusBannerProps) {
  const { t, language } = useI18n()
  if (status === null) return null
  if (status.consentRequired) {
    return <VaultConsentPrompt note={status.note} onAllow={onAllowInsecure} />
  }
  const tone = !status.unlocked || !status.secure ? 'cx-vault cx-vault-weak' : 'cx-vault'
  const sentence = !status.unlocked
    ? t('connections.vault.locked')
    : status.secure
      ? t('connections.vault.secure')
      : t('connections.vault.insecureAccepted')
  return (
    <section className={tone} aria-label={t('connections.vault.region')} data-testid="vault-status">
      <span className="cx-vault-icon" aria-hidden="true" />
      <div>
        <p className="cx-vault-line">{sentence}</p>
        {/* The host writes its technical note in English; the sentence above already says it. */}
        {status.note && language === 'en' && <p className="cx-vault-note">{status.note}</p>}
      </div>
    </section>
  )
}
