import type { MethodOutput } from '../../../shared/contract'
import { VAULT_NOTE_CODES, type VaultNoteCode } from '../../../shared/vault-schemas'
import type { Language, Translate } from '../i18n/i18n'
import type { MessageKey } from '../i18n/messages-en'
import { translateComplete } from '../i18n/translate-complete'

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

/** The sentence for each of the host's VAULT_NOTE_CODES. */
export const VAULT_NOTE_SENTENCES: Record<VaultNoteCode, MessageKey> = {
  os_encryption_unavailable: 'reasons.vault.osEncryptionUnavailable',
  obfuscated_only: 'reasons.vault.obfuscatedOnly',
  macos_keychain: 'reasons.vault.macosKeychain',
  windows_dpapi: 'reasons.vault.windowsDpapi',
  linux_keyring: 'reasons.vault.linuxKeyring',
  os_keychain: 'reasons.vault.osKeychain',
  passphrase_key: 'reasons.vault.passphraseKey',
  key_file: 'reasons.vault.keyFile',
}

/**
 * How the keys are protected, in the page's language, from the host's note code; the host's
 * English note on an English page when the code is unknown (a newer host), else nothing: the
 * summary above it already says how the keys are kept.
 */
export function wordVaultNote(
  status: Pick<VaultStatus, 'note' | 'noteCode' | 'noteDetails'>,
  t: Translate,
  language: Language,
): string | undefined {
  const code = VAULT_NOTE_CODES.find((known) => known === status.noteCode)
  const sentence =
    code && translateComplete(t, VAULT_NOTE_SENTENCES[code], status.noteDetails ?? {})
  if (sentence) return sentence
  return language === 'en' ? status.note : undefined
}
