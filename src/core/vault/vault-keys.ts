import { createAesGcmEncryptor } from './aes-gcm-encryptor'
import type { Encryptor, EncryptorKind } from './encryptor'
import { loadOrCreateKeyFile } from './key-file'
import { deriveKey, type ScryptParams } from './passphrase-key'
import type { KeySource } from './vault-file'

/** How a vault is keyed; exactly one of these is given to `openVault`. */
export type VaultKeyOptions =
  | { encryptor: Encryptor; keyFile?: never; passphrase?: never }
  | { keyFile: string; encryptor?: never; passphrase?: never }
  /** `null` opens the vault locked; `unlock(passphrase)` later. */
  | { passphrase: string | null; encryptor?: never; keyFile?: never }

export interface KeyScheme {
  kind: EncryptorKind
  keySource: KeySource
}

export function schemeOf(options: VaultKeyOptions): KeyScheme {
  if (options.encryptor !== undefined)
    return { kind: options.encryptor.kind, keySource: 'encryptor' }
  if (options.keyFile !== undefined) return { kind: 'aes-gcm', keySource: 'key-file' }
  if (options.passphrase !== undefined) return { kind: 'aes-gcm', keySource: 'passphrase' }
  throw new TypeError('openVault needs exactly one of: encryptor, keyFile, passphrase.')
}

export function describeScheme(scheme: KeyScheme): string {
  if (scheme.keySource === 'passphrase') return 'a passphrase'
  if (scheme.keySource === 'key-file') return 'a key file'
  return scheme.kind === 'safe-storage' ? "the desktop app's OS keychain" : 'an external AES key'
}

/** How a passphrase vault's keys are protected, as its status says. */
export const PASSPHRASE_NOTE = {
  note: 'Keys are encrypted with a key derived from your passphrase.',
  noteCode: 'passphrase_key',
} as const

export async function passphraseEncryptor(
  passphrase: string,
  kdf: ScryptParams,
): Promise<Encryptor & { destroy(): void }> {
  const key = await deriveKey(passphrase, kdf)
  try {
    return createAesGcmEncryptor(key, PASSPHRASE_NOTE)
  } finally {
    key.fill(0)
  }
}

/** `created`: the key file did not exist and was made now (with a new random key). */
export async function keyFileEncryptor(
  file: string,
): Promise<{ encryptor: Encryptor & { destroy(): void }; created: boolean }> {
  const { key, created } = await loadOrCreateKeyFile(file)
  try {
    return {
      encryptor: createAesGcmEncryptor(key, {
        note: `Keys are encrypted with the key in ${file}.`,
        noteCode: 'key_file',
      }),
      created,
    }
  } finally {
    key.fill(0)
  }
}
