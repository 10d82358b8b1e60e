import type { ProviderInfo } from '@parallax/llm'
import { InputError } from '../errors/domain-errors'

/**
 * A saved secret whose binding does not match the connection's current address (an edited
 * database or import). `kind` is what a run reports: the chat shows "this connection cannot be
 * used — open it and check its settings" with this message.
 */
export class ConnectionBindingError extends Error {
  readonly kind = 'connection'
  readonly code = 'secret_required'
  constructor(label: string) {
    super(
      `The saved key of "${label}" was entered for another address than the one the connection now has, so it is not sent: open the connection and enter the key again.`,
    )
    this.name = 'ConnectionBindingError'
  }
}

/**
 * Refuses (`secret_required`, naming the first such field) when saved secrets would be carried to
 * another trust domain: every saved secret must be given anew, or removed, in the same call.
 */
export function refuseCarriedSecrets(
  info: ProviderInfo,
  savedSecrets: readonly string[],
  changes: Readonly<Record<string, string | null>>,
  bound: string | undefined,
  domain: string,
): void {
  if (bound === domain) return
  const carried = savedSecrets.filter((name) => !Object.hasOwn(changes, name))
  if (carried.length === 0) return
  const field = info.fields.find((candidate) => carried.includes(candidate.name))
  const name = field?.name ?? carried[0] ?? 'apiKey'
  throw new InputError(
    `The address now points to another server, so the saved ${field?.label ?? name} is not sent there: enter it again (or remove it) in the same change. Nothing was changed.`,
    { field: `fields.${name}`, code: 'secret_required' },
  )
}
