import type { MethodOutput } from '../../../shared/contract'
import type { MessageKey } from '../i18n/messages-en'

export type VaultStatus = MethodOutput<'vault.status'>

/** The sentence that says how saved keys are protected, by encryptor kind. */
export function vaultSummaryKey(status: VaultStatus): MessageKey {
  if (status.kind === 'safe-storage') {
    return status.secure ? 'settings.vault.safeStorage' : 'settings.vault.safeStorageWeak'
  }
  if (status.kind === 'aes-gcm') return 'settings.vault.aesGcm'
  return 'settings.vault.other'
}
