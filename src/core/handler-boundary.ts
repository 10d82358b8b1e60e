import type { Handlers } from '../shared/dispatch'
import { RpcFailure, type RpcErrorKind } from '../shared/rpc-result'
import { ConnectionBindingError } from './connections/connection-binding'
import {
  ConsentRequiredError,
  DomainError,
  InputError,
  LockedError,
  type DomainErrorKind,
} from './errors/domain-errors'
import { HistoryImportError } from './history/index'
import { VaultError } from './vault/index'

const RPC_KIND: Record<DomainErrorKind, RpcErrorKind> = {
  input: 'invalid_input',
  not_found: 'not_found',
  conflict: 'conflict',
  locked: 'vault_locked',
  consent: 'consent_required',
}

/**
 * The one place a core error becomes contract data: a refusal (a DomainError, or one of the
 * vault's, the import's or a key binding's own errors) becomes an RpcFailure naming its kind, field
 * and code. Anything else comes back unchanged: a bug, which the dispatcher answers as `internal`
 * with an incident id, never with its message.
 */
export function toRpcFailure(error: unknown): unknown {
  const refusal = asRefusal(error)
  if (!refusal) return error
  const { kind, message, field, code, details } = refusal
  return new RpcFailure(RPC_KIND[kind], message, field, code, details)
}

/** Wraps every handler of the map once, so each one's refusals cross the boundary as data. */
export function withErrorBoundary(handlers: Handlers): Handlers {
  const bound: Record<string, unknown> = {}
  for (const [method, handler] of Object.entries(handlers)) {
    const call = handler as (input: unknown, ctx: unknown) => unknown
    bound[method] = async (input: unknown, ctx: unknown) => {
      try {
        return await call(input, ctx)
      } catch (error) {
        throw toRpcFailure(error)
      }
    }
  }
  return bound as Handlers
}

function asRefusal(error: unknown): DomainError | undefined {
  if (error instanceof DomainError) return error
  if (error instanceof VaultError) return vaultRefusal(error)
  // Its own `field` is the path inside the file; the contract's field is the `data` input.
  if (error instanceof HistoryImportError) {
    return new InputError(error.message, {
      field: `data.${error.field}`.replace(/\.$/, ''),
      code: error.code,
      details: error.details,
    })
  }
  // Its `kind` is what a run reports (`connection`); as an answer it asks for the key again.
  if (error instanceof ConnectionBindingError) {
    return new InputError(error.message, { field: 'connectionId', code: error.code })
  }
  return undefined
}

/** The vault's refusals the person can act on; the rest (a damaged or newer file) are internal. */
function vaultRefusal(error: VaultError): DomainError | undefined {
  switch (error.kind) {
    case 'locked':
      return new LockedError(error.message, { code: 'vault_locked' })
    case 'insecure':
      return new ConsentRequiredError(error.message, { code: 'vault_consent_required' })
    case 'unavailable':
      return new InputError(error.message, { code: 'vault_unavailable' })
    case 'reenter':
      return new InputError(error.message, { code: 'key_reenter' })
    default:
      return undefined
  }
}
