export { openVault, type OpenVaultOptions, type Vault, type VaultStatus } from './vault'
export { schemeOf, type VaultKeyOptions } from './vault-keys'
export { openUnavailableVault, type UnavailableVaultOptions } from './unavailable-vault'
export { openAppVault, type AppVault } from './open-app-vault'
export type { Encryptor, EncryptorDescription, EncryptorKind } from './encryptor'
export { createAesGcmEncryptor, AES_KEY_BYTES, type AesGcmEncryptor } from './aes-gcm-encryptor'
export { loadOrCreateKeyFile } from './key-file'
export {
  DEFAULT_SCRYPT,
  MIN_PASSPHRASE_LENGTH,
  deriveKey,
  newScryptParams,
  type ScryptParams,
} from './passphrase-key'
export {
  describeSafeStorage,
  wrapSafeStorage,
  type SafeStorageApi,
  type SafeStorageState,
} from './safe-storage-adapter'
export {
  mergeConnection,
  secretFieldNames,
  splitConnection,
  type PublicConnection,
  type SplitConnection,
} from './connection-secrets'
export { HINT_CHARS, HINT_MIN_LENGTH, hintOf, type SecretHint } from './secret-hint'
export {
  VAULT_FILE_NAME,
  VAULT_FORMAT,
  VAULT_FORMAT_VERSION,
  type KeySource,
  type VaultFile,
  type VaultNotice,
} from './vault-file'
export {
  REENTRY_REASONS,
  type Reentry,
  type ReentryReason,
  type ReentryStatus,
} from './vault-reentry'
export {
  VaultClosedError,
  VaultDamagedError,
  VaultError,
  VaultInsecureError,
  VaultKeyFileError,
  VaultLockedError,
  VaultReentryError,
  VaultVersionError,
  type VaultErrorKind,
  type VaultKeyFileProblem,
  type VaultLockedReason,
} from './vault-errors'
