import type { VaultNoteCode } from '../../shared/vault-schemas'
import type { Encryptor, EncryptorDescription } from './encryptor'

/** The part of Electron's `safeStorage` the vault uses (async methods where Electron has them). */
export interface SafeStorageApi {
  encryptString(plain: string): Buffer
  decryptString(data: Buffer): string
  encryptStringAsync?(plain: string): Promise<Buffer>
  decryptStringAsync?(data: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>
}

export interface SafeStorageState {
  platform: NodeJS.Platform
  /** `isAsyncEncryptionAvailable()` (or the older `isEncryptionAvailable()`), after app ready. */
  available: boolean
  /** `getSelectedStorageBackend()`; Linux only. */
  backend?: string
}

const KEYCHAIN: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'the macOS Keychain',
  win32: 'Windows DPAPI (your user account)',
}

const KEYCHAIN_NOTE: Partial<Record<NodeJS.Platform, VaultNoteCode>> = {
  darwin: 'macos_keychain',
  win32: 'windows_dpapi',
}

/** Whether values would really be protected, and why not, in words for the person. */
export function describeSafeStorage(state: SafeStorageState): EncryptorDescription {
  const base = { kind: 'safe-storage' as const }
  const withBackend = state.backend === undefined ? base : { ...base, backend: state.backend }
  if (!state.available) {
    return {
      ...withBackend,
      secure: false,
      note: 'The operating system offers no encryption for app secrets right now, so keys cannot be saved.',
      noteCode: 'os_encryption_unavailable',
    }
  }
  if (state.platform === 'linux') {
    if (
      state.backend === 'basic_text' ||
      state.backend === 'unknown' ||
      state.backend === undefined
    ) {
      return {
        ...withBackend,
        secure: false,
        note:
          'No system keyring (GNOME Keyring / KWallet) was found, so keys would only be ' +
          'obfuscated with a fixed password: anyone who can read your files could recover them.',
        noteCode: 'obfuscated_only',
      }
    }
    return {
      ...withBackend,
      secure: true,
      note: `Keys are encrypted with a key kept in ${state.backend}.`,
      noteCode: 'linux_keyring',
      noteDetails: { store: state.backend },
    }
  }
  const where = KEYCHAIN[state.platform] ?? 'the system keychain'
  const noteCode = KEYCHAIN_NOTE[state.platform] ?? 'os_keychain'
  return {
    ...withBackend,
    secure: true,
    note: `Keys are encrypted with a key kept in ${where}.`,
    noteCode,
  }
}

/** An `Encryptor` over Electron's safeStorage; built by src/main after `app.whenReady()`. */
export function wrapSafeStorage(api: SafeStorageApi, state: SafeStorageState): Encryptor {
  const description = describeSafeStorage(state)
  let reEncrypt = false
  return {
    kind: 'safe-storage',
    encrypt: (plain) =>
      api.encryptStringAsync ? api.encryptStringAsync(plain) : api.encryptString(plain),
    decrypt: async (data) => {
      if (!api.decryptStringAsync) return api.decryptString(data)
      const { result, shouldReEncrypt } = await api.decryptStringAsync(data)
      if (shouldReEncrypt) reEncrypt = true
      return result
    },
    describe: () => ({ ...description }),
    takeReEncryptRequest: () => {
      const asked = reEncrypt
      reEncrypt = false
      return asked
    },
  }
}
