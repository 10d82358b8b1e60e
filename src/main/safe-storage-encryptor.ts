import { app, safeStorage } from 'electron'
import { wrapSafeStorage, type Encryptor } from '../core/index'
import { linuxAsyncBackend } from './linux-key-provider'

/** Encrypted once at start on Linux to learn which key the async encryptor uses. */
const PROBE = 'parallax key provider probe'

/**
 * The desktop app's vault encryptor: Electron's async `safeStorage` (macOS Keychain, Windows
 * DPAPI, Linux Secret Service / KWallet / portal). Call after `app.whenReady()`. On Linux the
 * secure/insecure verdict comes from the same async encryptor that encrypts the keys (see
 * `linuxAsyncBackend`); the consent rule when it is insecure is decided in src/core/vault.
 */
export async function createSafeStorageEncryptor(): Promise<Encryptor> {
  if (!app.isReady()) {
    throw new Error('createSafeStorageEncryptor() must be called after app.whenReady().')
  }
  const available = await safeStorage.isAsyncEncryptionAvailable()
  const platform = process.platform
  if (platform !== 'linux' || !available)
    return wrapSafeStorage(safeStorage, { platform, available })
  const probe = await safeStorage.encryptStringAsync(PROBE).catch(() => undefined)
  const backend = linuxAsyncBackend(probe, safeStorage.getSelectedStorageBackend())
  return wrapSafeStorage(safeStorage, { platform, available, backend })
}
