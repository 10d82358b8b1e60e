import { useAppState, useAppStore } from '../app/app-context'
import { useVaultStatus, type VaultControls } from '../connections/use-vault-status'
import { VaultReentryNote } from '../connections/vault-reentry-note'
import { useI18n } from '../i18n/i18n'
import { VaultPassphraseControls } from './vault-passphrase-controls'
import { vaultSummaryKey, wordVaultNote, type VaultStatus } from './vault-status-text'

/** How saved keys are protected on this machine, in plain words; a passphrase vault's controls. */
export function VaultStatusSection() {
  const { t } = useI18n()
  const { client, reloadConnections } = useAppStore()
  const connections = useAppState((app) => app.connections)
  // The count changes when a connection is saved or deleted; hints change with the lock.
  const vault = useVaultStatus(client, { refreshKey: connections, onChange: reloadConnections })
  const loading = vault.status === null && vault.loadError === null

  return (
    <section
      className="panel settings-section"
      aria-labelledby="settings-vault"
      aria-busy={loading}
      data-testid="settings-vault"
    >
      <h2 id="settings-vault">{t('settings.vault')}</h2>
      {vault.status === null ? (
        vault.loadError !== null ? (
          <p role="alert" className="settings-error">
            {t('settings.vault.error', { message: vault.loadError })}
          </p>
        ) : (
          <p className="settings-note">{t('settings.vault.loading')}</p>
        )
      ) : (
        <VaultDescription status={vault.status} controls={vault} />
      )}
    </section>
  )
}

function VaultDescription({ status, controls }: { status: VaultStatus; controls: VaultControls }) {
  const { t, language } = useI18n()
  const note = wordVaultNote(status, t, language)
  return (
    <>
      <p className="settings-vault-summary">
        <span className={status.secure ? 'settings-badge secure' : 'settings-badge insecure'}>
          {status.secure ? t('settings.vault.secure') : t('settings.vault.insecure')}
        </span>
        <span>
          {t(vaultSummaryKey(status), { kind: status.kind })}
          {' — '}
          {t('settings.vault.count', { count: String(status.count) })}
        </span>
      </p>
      {status.reentry && <VaultReentryNote reentry={status.reentry} className="settings-note" />}
      {note && status.keySource !== 'passphrase' && <p className="settings-note">{note}</p>}
      {status.keySource === 'passphrase' ? (
        <VaultPassphraseControls status={status} controls={controls} />
      ) : (
        !status.unlocked && <p className="settings-note">{t('settings.vault.locked')}</p>
      )}
      {status.consentRequired && (
        <p className="settings-note">{t('settings.vault.consentRequired')}</p>
      )}
    </>
  )
}
