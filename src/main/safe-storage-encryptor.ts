import { app, safeStorage } from 'electron'
import { wrapSafeStorage, type Encryptor } from '../core/vault'

/**
 * The desktop app's vault encryptor: Electron `safeStorage` (macOS Keychain, Windows DPAPI,
 * Linux libsecret / KWallet). Call after `app.whenReady()`; before it, Linux reports no backend
 * and the key would be wrong. Whether it is secure, and the consent rule when it is not, are
 * decided in src/core/vault (`describeSafeStorage`, `openVault`).
 */
export async function createSafeStorageEncryptor(): Promise<Encryptor> {
  if (!app.isReady()) {
    throw new Error('createSafeStorageEncryptor() must be called after app.whenReady().')
  }
  const available = await safeStorage.isAsyncEncryptionAvailable()
  const platform = process.platform
  const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined
  return wrapSafeStorage(
    safeStorage,
    backend === undefined ? { platform, available } : { platform, available, backend },
  )
}
