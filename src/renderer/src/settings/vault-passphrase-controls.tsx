import { useState } from 'react'
import type { VaultControls, VaultStatus } from '../connections/use-vault-status'
import { VaultUnlockForm } from '../connections/vault-unlock-form'
import { useI18n } from '../i18n/i18n'
import { VaultPassphraseForm } from './vault-passphrase-form'

type Mode = 'idle' | 'changing' | 'changed' | { lockFailed: string }

/** A passphrase vault: the unlock form while locked; Lock and Change passphrase while unlocked. */
export function VaultPassphraseControls(props: { status: VaultStatus; controls: VaultControls }) {
  const { status, controls } = props
  const { t } = useI18n()
  const [mode, setMode] = useState<Mode>('idle')

  if (!status.unlocked) {
    return (
      <>
        <p className="settings-note">
          {t(
            status.created
              ? 'connections.vault.lockedPassphrase'
              : 'connections.vault.newPassphrase',
          )}
        </p>
        <VaultUnlockForm isNew={!status.created} onUnlock={controls.unlock} />
      </>
    )
  }

  const lock = async () => {
    const error = await controls.lock()
    setMode(error === null ? 'idle' : { lockFailed: error.message })
  }

  return (
    <>
      <p className="settings-note">{t('settings.vault.unlocked')}</p>
      {mode === 'changing' ? (
        <VaultPassphraseForm
          onChange={controls.changePassphrase}
          onDone={() => setMode('changed')}
          onCancel={() => setMode('idle')}
        />
      ) : (
        <div className="vault-actions">
          <button type="button" onClick={() => void lock()}>
            {t('connections.vault.lock')}
          </button>
          <button type="button" onClick={() => setMode('changing')}>
            {t('settings.vault.change')}
          </button>
        </div>
      )}
      <p role="status" className="settings-status">
        {mode === 'changed' && t('settings.vault.change.done')}
      </p>
      {typeof mode === 'object' && (
        <p role="alert" className="settings-error">
          {t('connections.vault.lockFailed', { message: mode.lockFailed })}
        </p>
      )}
    </>
  )
}
