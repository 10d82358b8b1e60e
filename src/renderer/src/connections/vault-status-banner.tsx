import { useState } from 'react'
import type { RpcError } from '../../../shared/rpc-result'
import { useI18n } from '../i18n/i18n'
import { wordVaultNote } from '../settings/vault-status-text'
import { VaultConsentPrompt } from './vault-consent-prompt'
import { VaultReentryNote } from './vault-reentry-note'
import { VaultUnlockForm } from './vault-unlock-form'
import type { VaultStatus } from './use-vault-status'

interface VaultStatusBannerProps {
  status: VaultStatus | null
  onAllowInsecure(): Promise<string | null>
  onUnlock(passphrase: string): Promise<RpcError | null>
  onLock(): Promise<RpcError | null>
}

/**
 * One line on how keys are kept here; the consent prompt when they would only be obfuscated; the
 * unlock form when a passphrase vault is locked. The host's own note (which store, in English)
 * would say the line again, so it is left to Settings.
 */
export function VaultStatusBanner(props: VaultStatusBannerProps) {
  const { status, onAllowInsecure, onUnlock, onLock } = props
  const { t, language } = useI18n()
  const [lockError, setLockError] = useState<string | null>(null)
  if (status === null) return null
  const reentry = status.reentry && (
    <VaultReentryNote reentry={status.reentry} className="cx-vault-line" />
  )
  if (status.consentRequired) {
    return (
      <>
        {reentry && (
          <section className="cx-vault cx-vault-weak" aria-label={t('connections.vault.region')}>
            <div className="cx-vault-body">{reentry}</div>
          </section>
        )}
        <VaultConsentPrompt note={wordVaultNote(status, t, language)} onAllow={onAllowInsecure} />
      </>
    )
  }
  const passphrase = status.keySource === 'passphrase'
  const weak = !status.unlocked || !status.secure || status.reentry !== undefined
  const tone = weak ? 'cx-vault cx-vault-weak' : 'cx-vault'
  const sentence = !status.unlocked
    ? passphrase
      ? t(status.created ? 'connections.vault.lockedPassphrase' : 'connections.vault.newPassphrase')
      : t('connections.vault.locked')
    : passphrase
      ? t('connections.vault.passphraseUnlocked')
      : status.secure
        ? t('connections.vault.secure')
        : t('connections.vault.insecureAccepted')
  return (
    <section className={tone} aria-label={t('connections.vault.region')} data-testid="vault-status">
      <span className="cx-vault-icon" aria-hidden="true" />
      <div className="cx-vault-body">
        {reentry}
        <p className="cx-vault-line">{sentence}</p>
        {passphrase && !status.unlocked && (
          <VaultUnlockForm isNew={!status.created} onUnlock={onUnlock} />
        )}
        {lockError !== null && status.unlocked && (
          <p role="alert" className="cx-vault-note">
            {t('connections.vault.lockFailed', { message: lockError })}
          </p>
        )}
      </div>
      {passphrase && status.unlocked && (
        <button
          type="button"
          className="cx-vault-lock"
          onClick={() => void onLock().then((error) => setLockError(error?.message ?? null))}
        >
          {t('connections.vault.lock')}
        </button>
      )}
    </section>
  )
}
