import type { MethodOutput } from '../../../shared/contract'
import type { MessageKey } from '../i18n/messages-en'

export type VaultStatus = MethodOutput<'vault.status'>

/** The sentence that says how saved keys are protected, by encryptor kind and key source. */
export function vaultSummaryKey(status: VaultStatus): MessageKey {
  if (status.kind === 'safe-storage') {
    return status.secure ? 'settings.vault.safeStorage' : 'settings.vault.safeStorageWeak'
  }
  if (status.kind === 'aes-gcm') {
    if (status.keySource === 'passphrase') return 'settings.vault.passphrase'
    if (status.keySource === 'key-file') return 'settings.vault.keyFile'
    return 'settings.vault.aesGcm'
  }
  return 'settings.vault.other'
}
