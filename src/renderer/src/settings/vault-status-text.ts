import type { MethodOutput } from '../../../shared/contract'
import type { MessageKey } from '../i18n/messages-en'

export type VaultStatus = MethodOutput<'vault.status'>

const REENTRY_REASON: Record<NonNullable<VaultStatus['reentry']>['reason'], MessageKey> = {
  key_file_replaced: 'vaultReentry.reason.key_file_replaced',
  key_file_missing: 'vaultReentry.reason.key_file_missing',
  keychain_changed: 'vaultReentry.reason.keychain_changed',
}

/** Why saved keys must be entered again, in one sentence. */
export function reentryReasonKey(reason: keyof typeof REENTRY_REASON): MessageKey {
  return REENTRY_REASON[reason]
}

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
