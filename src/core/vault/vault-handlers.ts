import { basename } from 'node:path'
import type { Handlers } from '../../shared/dispatch'
import type { VaultStatusView } from '../../shared/vault-schemas'
import { InputError } from '../errors/domain-errors'
import { MIN_PASSPHRASE_LENGTH } from './passphrase-key'
import type { Vault } from './vault'
import { VaultError, VaultLockedError } from './vault-errors'

type VaultMethod =
  'vault.status' | 'vault.allowInsecure' | 'vault.unlock' | 'vault.lock' | 'vault.changePassphrase'

/** What the renderer may know about the vault: never its file path or any key material. */
export function vaultStatusView(vault: Vault): VaultStatusView {
  const status = vault.status()
  return {
    kind: status.kind,
    keySource: status.keySource,
    created: status.created,
    secure: status.secure,
    ...(status.note ? { note: status.note } : {}),
    ...(status.noteCode ? { noteCode: status.noteCode } : {}),
    ...(status.noteDetails ? { noteDetails: status.noteDetails } : {}),
    unlocked: status.unlocked,
    count: status.count,
    consentRequired: status.consentRequired,
    // The kept vault's file name only: the renderer never learns the folder's full path here.
    ...(status.reentry
      ? {
          reentry: {
            count: status.reentry.count,
            reason: status.reentry.reason,
            at: status.reentry.at,
            keptAs: basename(status.reentry.keptAt),
          },
        }
      : {}),
  }
}

/**
 * The vault's contract methods. A passphrase is only ever handed to the vault: it is not logged,
 * stored or echoed, and every refusal is data naming the field to fix.
 */
export function createVaultHandlers(vault: Vault): Pick<Handlers, VaultMethod> {
  const view = () => vaultStatusView(vault)
  const passphraseOnly = () => {
    const { keySource } = vault.status()
    if (keySource === 'passphrase') return
    const how = keySource === 'key-file' ? 'a key file' : 'the OS keychain'
    throw new InputError(
      `This key vault is protected by ${how}, not a passphrase: there is nothing to unlock or lock.`,
      { code: keySource === 'key-file' ? 'vault_uses_key_file' : 'vault_uses_keychain' },
    )
  }
  return {
    'vault.status': () => view(),
    'vault.allowInsecure': async () => {
      await vault.allowInsecure()
      return view()
    },
    'vault.unlock': async ({ passphrase }) => {
      passphraseOnly()
      await passphraseRefusals(() => vault.unlock(passphrase), {
        wrong: [
          'passphrase',
          'Wrong passphrase. The key vault was not changed.',
          'wrong_passphrase',
        ],
        short: 'passphrase',
      })
      return view()
    },
    'vault.lock': async () => {
      passphraseOnly()
      await vault.lock()
      return view()
    },
    'vault.changePassphrase': async ({ current, next }) => {
      passphraseOnly()
      await passphraseRefusals(() => vault.changePassphrase(current, next), {
        wrong: [
          'current',
          'The current passphrase is wrong. The key vault was not changed.',
          'wrong_current_passphrase',
        ],
        short: 'next',
      })
      return view()
    },
  }
}

interface PassphraseFields {
  /** The field holding the passphrase that was checked, and what to say when it is wrong. */
  wrong: [field: string, message: string, code: 'wrong_passphrase' | 'wrong_current_passphrase']
  /** The field holding a new passphrase that is too short. */
  short: string
}

/**
 * Runs a vault call that checks a passphrase, naming the field at fault when it is wrong or too
 * short. Its other refusals (locked, consent) cross the handler boundary as they are.
 */
async function passphraseRefusals(task: () => Promise<void>, fields: PassphraseFields) {
  try {
    await task()
  } catch (error) {
    if (error instanceof VaultLockedError && error.reason === 'wrong-passphrase') {
      const [field, message, code] = fields.wrong
      throw new InputError(message, { field, code })
    }
    if (error instanceof VaultError && error.kind === 'passphrase') {
      throw new InputError(error.message, {
        field: fields.short,
        code: 'passphrase_too_short',
        details: { min: String(MIN_PASSPHRASE_LENGTH) },
      })
    }
    throw error
  }
}
