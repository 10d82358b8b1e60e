/** The sync API's names for a real Linux keyring (`safeStorage.getSelectedStorageBackend()`). */
const KEYRINGS: ReadonlySet<string> = new Set([
  'gnome_libsecret',
  'kwallet',
  'kwallet5',
  'kwallet6',
])

/**
 * Which key the async safeStorage encryptor really uses on Linux, read from the version tag
 * Chromium's os_crypt_async writes at the start of every ciphertext:
 * `v10` — the fixed "peanuts" key every install shares (`posix_key_provider.cc`): obfuscation;
 * `v11` — a key kept in the Secret Service (GNOME Keyring, KWallet …;
 * `freedesktop_secret_key_provider.cc`); `v12` — the XDG secret portal (Flatpak;
 * `secret_portal_key_provider.cc`). Electron 45 has no async way to ask, and the sync
 * `getSelectedStorageBackend()` reports the sync encryptor, which may differ. Returns a backend
 * name `describeSafeStorage` judges: `basic_text` and `unknown` count as insecure.
 */
export function linuxAsyncBackend(ciphertext: Buffer | undefined, syncBackend: string): string {
  const tag = ciphertext?.subarray(0, 3).toString('latin1')
  if (tag === 'v10') return 'basic_text'
  if (tag === 'v11') return KEYRINGS.has(syncBackend) ? syncBackend : 'secret_service'
  if (tag === 'v12') return 'secret_portal'
  return 'unknown'
}
