import { openUnavailableVault } from './unavailable-vault'
import { openVault, type Vault } from './vault'
import { VaultError } from './vault-errors'
import { schemeOf, type VaultKeyOptions } from './vault-keys'

export interface AppVault {
  vault: Vault
  /** Why keys cannot be encrypted on this machine at all; undefined when they can. */
  unavailable: string | undefined
}

/**
 * Opens the app's key vault. With no encryption at all on this machine (no OS keychain, say) the
 * app still opens, with its history: the vault then refuses every key, and `unavailable` says why.
 */
export async function openAppVault(
  dir: string,
  key: VaultKeyOptions,
  fileName?: string,
): Promise<AppVault> {
  const file = fileName === undefined ? {} : { fileName }
  try {
    return { vault: await openVault({ ...key, dir, ...file }), unavailable: undefined }
  } catch (error) {
    if (!(error instanceof VaultError && error.kind === 'unavailable')) throw error
    const reason = error.message
    const vault = await openUnavailableVault({ dir, ...file, ...schemeOf(key), reason })
    return { vault, unavailable: reason }
  }
}
