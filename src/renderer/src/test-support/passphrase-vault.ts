import type { MethodOutput } from '../../../shared/contract'
import { RpcFailure } from '../../../shared/rpc-result'
import type { FakeHandlers } from './fake-client'

type VaultStatus = MethodOutput<'vault.status'>

/**
 * A passphrase vault as the web host keeps it, in memory: the first unlock of a new vault sets the
 * passphrase (8+ characters), a wrong one is refused with field `passphrase` and changes nothing.
 */
export function createFakePassphraseVault(start: { passphrase: string | null; unlocked: boolean }) {
  let passphrase = start.passphrase
  let unlocked = start.unlocked
  const status = (): VaultStatus => ({
    kind: 'aes-gcm',
    keySource: 'passphrase',
    created: passphrase !== null,
    secure: true,
    note: 'Keys are encrypted with a key derived from your passphrase.',
    unlocked,
    count: 2,
    consentRequired: false,
  })
  const tooShort = (field: string) =>
    new RpcFailure('invalid_input', 'Choose a passphrase of at least 8 characters.', field)
  const handlers: FakeHandlers = {
    'vault.status': status,
    'vault.unlock': (input) => {
      if (passphrase === null) {
        if (input.passphrase.length < 8) throw tooShort('passphrase')
        passphrase = input.passphrase
      } else if (input.passphrase !== passphrase) {
        throw new RpcFailure(
          'invalid_input',
          'Wrong passphrase. The key vault was not changed.',
          'passphrase',
        )
      }
      unlocked = true
      return status()
    },
    'vault.lock': () => {
      unlocked = false
      return status()
    },
    'vault.changePassphrase': (input) => {
      if (input.current !== passphrase) {
        throw new RpcFailure('invalid_input', 'The current passphrase is wrong.', 'current')
      }
      if (input.next.length < 8) throw tooShort('next')
      passphrase = input.next
      unlocked = true
      return status()
    },
  }
  return { handlers, passphrase: () => passphrase, unlocked: () => unlocked }
}
