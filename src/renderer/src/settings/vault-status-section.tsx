import { useEffect, useState } from 'react'
import { useApp } from '../app/app-context'
import { useI18n } from '../i18n/i18n'
import { vaultSummaryKey, type VaultStatus } from './vault-status-text'

type State = { status: 'loading' } | { status: 'ready'; vault: VaultStatus } | { error: string }

/** How saved keys are protected on this machine, in plain words. */
export function VaultStatusSection() {
  const { t } = useI18n()
  const { client, connections } = useApp()
  const [state, setState] = useState<State>({ status: 'loading' })

  useEffect(() => {
    let current = true
    void client.invoke('vault.status', {}).then((result) => {
      if (!current) return
      setState(
        result.ok ? { status: 'ready', vault: result.value } : { error: result.error.message },
      )
    })
    return () => {
      current = false
    }
    // The count changes when a connection is saved or deleted.
  }, [client, connections])

  return (
    <section
      className="panel settings-section"
      aria-labelledby="settings-vault"
      aria-busy={'status' in state && state.status === 'loading'}
      data-testid="settings-vault"
    >
      <h2 id="settings-vault">{t('settings.vault')}</h2>
      {'error' in state ? (
        <p role="alert" className="settings-error">
          {t('settings.vault.error', { message: state.error })}
        </p>
      ) : state.status === 'loading' ? (
        <p className="settings-note">{t('settings.vault.loading')}</p>
      ) : (
        <VaultDescription vault={state.vault} />
      )}
    </section>
  )
}

function VaultDescription({ vault }: { vault: VaultStatus }) {
  const { t, language } = useI18n()
  return (
    <>
      <p className="settings-vault-summary">
        <span className={vault.secure ? 'settings-badge secure' : 'settings-badge insecure'}>
          {vault.secure ? t('settings.vault.secure') : t('settings.vault.insecure')}
        </span>
        <span>
          {t(vaultSummaryKey(vault), { kind: vault.kind })}
          {' — '}
          {t('settings.vault.count', { count: String(vault.count) })}
        </span>
      </p>
      {/* The host writes its technical note in English; the text above already says it. */}
      {vault.note && language === 'en' && <p className="settings-note">{vault.note}</p>}
      {!vault.unlocked && <p className="settings-note">{t('settings.vault.locked')}</p>}
      {vault.consentRequired && (
        <p className="settings-note">{t('settings.vault.consentRequired')}</p>
      )}
    </>
  )
}
