import { join } from 'node:path'
import { VaultError, VaultLockedError, type VaultKeyOptions, type VaultNotice } from '../core/index'
import { CliUsageError, type ServeOptions } from './parse-cli-args'

/** The passphrase comes from the environment, never from an argument `ps` would show. */
export const PASSPHRASE_ENV = 'PARALLAX_VAULT_PASSPHRASE'
export const KEY_FILE_NAME = 'vault.key'

type VaultFlags = Pick<ServeOptions, 'passphrase' | 'connectionsFile'>

/**
 * How `parallax serve` keys its vault: a 0600 key file beside the data by default; with
 * `--passphrase`, the passphrase in PARALLAX_VAULT_PASSPHRASE, or none (the vault opens locked and
 * the person unlocks it in the app).
 */
export function serveVaultKey(
  options: VaultFlags,
  env: Readonly<Record<string, string | undefined>>,
  dataDir: string,
): VaultKeyOptions {
  const fromEnv = env[PASSPHRASE_ENV] || null
  if (!options.passphrase) {
    if (fromEnv !== null) {
      throw new CliUsageError(
        `${PASSPHRASE_ENV} is set but --passphrase is not: add --passphrase to protect keys ` +
          `with it, or unset ${PASSPHRASE_ENV} to keep using the key file.`,
      )
    }
    return { keyFile: join(dataDir, KEY_FILE_NAME) }
  }
  if (fromEnv === null && options.connectionsFile !== undefined) {
    throw new CliUsageError(
      `--connections saves keys, but with --passphrase the vault starts locked: set ` +
        `${PASSPHRASE_ENV} as well, or save the connections in the app after unlocking it.`,
    )
  }
  return { passphrase: fromEnv }
}

/**
 * The lines to print at start-up about what opening the vault did: a damaged vault moved aside,
 * or one the key file cannot decrypt (replaced or missing) kept aside while the host starts with a
 * new one — the person must hear it even before opening the app.
 */
export function vaultStartLines(notices: readonly VaultNotice[]): string[] {
  return notices.map((notice) => `parallax: ${notice.message}`)
}

/**
 * A plain sentence for a vault that would not open at start-up (no stack); null if not one. A key
 * file that does not match, or is missing, no longer stops the host (the vault is kept aside and
 * its keys are entered again); what still does: another key scheme, a wrong passphrase from the
 * environment, an unusable key file (permissions, size), a vault from a newer version.
 */
export function explainVaultStartError(
  error: unknown,
  context: { passphrase: boolean; fromEnv: boolean; vaultFile: string },
): string | null {
  if (!(error instanceof VaultError)) return null
  if (error instanceof VaultLockedError && error.reason === 'mismatch') {
    if (error.storedKeySource === 'key-file' && context.passphrase) {
      return (
        `${error.message}\nStart without --passphrase to keep using it. To protect keys with a ` +
        `passphrase instead, first move vault.json and vault.key out of the data folder (the keys ` +
        `saved in them must then be entered again).`
      )
    }
    if (error.storedKeySource === 'passphrase' && !context.passphrase) {
      return (
        `${error.message}\nStart with --passphrase, then unlock it in the app (or set ` +
        `${PASSPHRASE_ENV} before starting).`
      )
    }
    return `${error.message}\nStart the web host with another --data-dir.`
  }
  if (context.fromEnv && error instanceof VaultLockedError && error.reason === 'wrong-passphrase') {
    return (
      `${PASSPHRASE_ENV} is not the passphrase of the key vault ${context.vaultFile}. Nothing ` +
      `was changed. Set the right one, or unset ${PASSPHRASE_ENV} to unlock the vault in the app.`
    )
  }
  if (context.fromEnv && error.kind === 'passphrase') {
    return (
      `${PASSPHRASE_ENV} is too short for a new key vault: ` +
      `${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}`
    )
  }
  return error.message
}
