/**
 * The app services both hosts start: taking the data folder, opening the core behind the
 * contract, the vault's key sources and errors, and the start-up log. Hosts use src/core only
 * through this file (lint rule `parallax/public-entries`).
 */
export { openCore, type Core, type CoreOptions } from './create-core'
export { resolveDataLocation, type PreparedDataDir, type ResolvedDataDir } from './data-dir'
export { DataDirInUseError, type DataDirLock } from './data-dir-lock'
export { settlePendingDataDir, type PendingDataDir } from './data-location'
export { openDataDir, type OpenedDataDir } from './open-data-dir'
export { errorSummary, writeStartupLog } from './startup-log'
export { errorForLog, internalErrorLine } from './internal-error-log'
export {
  readWebHostState,
  saveWebHostState,
  WEB_HOST_FILE_NAME,
  type WebHostState,
} from './settings/web-host-state'
export {
  VAULT_FILE_NAME,
  VaultError,
  VaultLockedError,
  wrapSafeStorage,
  type Encryptor,
  type VaultKeyOptions,
  type VaultNotice,
} from './vault/index'
