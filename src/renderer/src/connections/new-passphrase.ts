import { MIN_NEW_PASSPHRASE_CHARS } from '../../../shared/vault-schemas'
import type { MessageKey } from '../i18n/messages-en'

export const MIN_PASSPHRASE = MIN_NEW_PASSPHRASE_CHARS

/** Counted the way the vault counts: code points after NFC (an emoji or 한글 syllable is one). */
export function passphraseLength(passphrase: string): number {
  return [...passphrase.normalize('NFC')].length
}

/** Why a new passphrase (typed twice) cannot be used yet, or null when it can. */
export function newPassphraseProblem(passphrase: string, repeat: string): MessageKey | null {
  if (passphrase === '') return 'connections.vault.unlock.empty'
  if (passphraseLength(passphrase) < MIN_PASSPHRASE) return 'connections.vault.unlock.tooShort'
  if (passphrase !== repeat) return 'connections.vault.unlock.mismatch'
  return null
}
