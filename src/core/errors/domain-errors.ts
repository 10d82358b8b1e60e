import type { HostErrorCode } from '../../shared/error-codes'

/** What kind of refusal a domain error is; the handler boundary maps each to the contract's kind. */
export type DomainErrorKind = 'input' | 'not_found' | 'conflict' | 'locked' | 'consent'

export interface DomainErrorDetail {
  /** The input field at fault, as the contract names it (e.g. `fields.apiKey`, `cursor`). */
  field?: string | undefined
  /** A stable reason a screen can word in its own language (e.g. `not_writable`). */
  code?: HostErrorCode | undefined
  /** What the code's sentence names (a field, a number); names and numbers only. */
  details?: Record<string, string> | undefined
}

/**
 * A refusal the person can act on, thrown anywhere in the core and turned into contract data only
 * at the handler boundary (`toRpcFailure`). Anything else thrown is a bug: it is answered as
 * `internal`, with an incident id, and logged.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind
  readonly field: string | undefined
  readonly code: HostErrorCode | undefined
  readonly details: Record<string, string> | undefined

  constructor(message: string, detail: DomainErrorDetail = {}) {
    super(message)
    this.field = detail.field
    this.code = detail.code
    this.details = detail.details
  }
}

/** The caller asked for something that cannot be done as asked (a bad value, a missing part). */
export class InputError extends DomainError {
  override name = 'InputError'
  readonly kind = 'input'
}

/** What the request names does not exist (a connection, a conversation, a run). */
export class NotFoundError extends DomainError {
  override name = 'NotFoundError'
  readonly kind = 'not_found'
}

/** The request does not fit what it names as it is now (e.g. a run that already ended). */
export class ConflictError extends DomainError {
  override name = 'ConflictError'
  readonly kind = 'conflict'
}

/** The key vault must be unlocked first (web host with a passphrase). */
export class LockedError extends DomainError {
  override name = 'LockedError'
  readonly kind = 'locked'
}

/** The person must agree first (keys stored only obfuscated, Linux basic_text). */
export class ConsentRequiredError extends DomainError {
  override name = 'ConsentRequiredError'
  readonly kind = 'consent'
}
