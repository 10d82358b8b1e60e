import { join } from 'node:path'
import type { EncryptorKind } from './encryptor'
import { hintOf, type SecretHint } from './secret-hint'
import { unsupported } from './vault-checks'
import { VaultError } from './vault-errors'
import { readVaultFile, VAULT_FILE_NAME, type KeySource, type VaultFile } from './vault-file'
import type { Vault, VaultStatus } from './vault-types'

export interface UnavailableVaultOptions {
  dir: string
  fileName?: string
  kind: EncryptorKind
  keySource: KeySource
  /** Why no key can be had here, in plain words (the encryptor's note or error). */
  reason: string
}

/**
 * The vault of a machine that cannot encrypt at all (no OS keychain, say): the app still opens,
 * with its history, and says why keys cannot be used. The vault file is only read, for the ids
 * and field names it holds (plain text); it is never written, so the keys in it come back once
 * encryption works again. Every use of a key is refused with `VaultError('unavailable')`.
 */
export async function openUnavailableVault(options: UnavailableVaultOptions): Promise<Vault> {
  const file = join(options.dir, options.fileName ?? VAULT_FILE_NAME)
  let doc: VaultFile | null = null
  try {
    const read = await readVaultFile(file)
    if (read.state === 'ok') doc = read.doc
  } catch {
    // A vault from a newer version or an unreadable file: nothing to list, and nothing is touched.
  }
  const secrets = doc?.secrets ?? {}
  const stored = (id: string): Record<string, string> =>
    Object.hasOwn(secrets, id) ? (secrets[id] ?? {}) : {}
  const refuse = (): never => {
    throw new VaultError(
      'unavailable',
      `Keys cannot be encrypted on this computer (${options.reason}), so saved keys cannot be used or saved. History and everything else work as usual.`,
    )
  }
  const status = (): VaultStatus => ({
    file,
    kind: options.kind,
    keySource: options.keySource,
    created: doc !== null,
    secure: false,
    note: options.reason,
    unlocked: false,
    count: Object.keys(secrets).length,
    consentRequired: false,
  })
  return {
    file,
    notices: [],
    status,
    connectionIds: () => Object.keys(secrets),
    reentryFields: () => [],
    setSecrets: async (_id, values) => {
      if (Object.values(values).some((value) => value !== null && value !== '')) refuse()
    },
    boundDomain: async () => undefined,
    bindUnbound: async () => 0,
    getSecrets: async (id) => (Object.keys(stored(id)).length === 0 ? {} : refuse()),
    hints: async (id, fields = []) => {
      const out: Record<string, SecretHint> = {}
      for (const field of fields) out[field] = hintOf(undefined)
      for (const field of Object.keys(stored(id))) out[field] = { set: true, last4: '' }
      return out
    },
    // The file is never written here: a deleted connection's encrypted values stay until the
    // vault works again (`connectionIds` finds them as orphans then).
    deleteSecrets: async () => false,
    allowInsecure: async () => refuse(),
    unlock: async () => {
      throw unsupported('unlock')
    },
    lock: async () => {
      throw unsupported('lock')
    },
    changePassphrase: async () => {
      throw unsupported('changePassphrase')
    },
    close: async () => undefined,
  }
}
