import type { VaultNoteCode } from '../../shared/vault-schemas'

/**
 * What the vault needs from a cipher. Each secret value is encrypted on its own; the vault never
 * keeps a decrypted value in memory longer than one call.
 */

/** `safe-storage`: Electron's OS-keychain encryption. `aes-gcm`: AES-256-GCM under our own key. */
export type EncryptorKind = 'safe-storage' | 'aes-gcm'

export interface EncryptorDescription {
  kind: EncryptorKind
  /** False when a value on disk could be decrypted by anyone who can read the files. */
  secure: boolean
  /** Why it is not secure, or where the key lives, in a sentence a person can read. */
  note?: string
  /** The same as a code a screen words (src/shared/vault-schemas.ts), with what it names. */
  noteCode?: VaultNoteCode
  noteDetails?: Record<string, string>
  /** The Linux password store Electron picked (`gnome_libsecret`, `kwallet6`, `basic_text` …). */
  backend?: string
}

export interface Encryptor {
  readonly kind: EncryptorKind
  /** Must use fresh randomness per call: the same plaintext twice gives different bytes. */
  encrypt(plain: string): Buffer | Promise<Buffer>
  /** Throws when the data was not produced under this key or was altered. */
  decrypt(data: Buffer): string | Promise<string>
  describe(): EncryptorDescription
  /**
   * Optional: true (once) when a `decrypt` since the last call read a value that should be
   * encrypted again — safeStorage's `shouldReEncrypt`, after the OS key was rotated. The vault
   * then re-seals its values with the current key.
   */
  takeReEncryptRequest?(): boolean
}
