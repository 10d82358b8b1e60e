import { z } from 'zod'

/** Errors cross the host boundary as data, never as thrown objects. */
export const RpcErrorKindSchema = z.enum([
  'invalid_input',
  'unknown_method',
  'unauthorized',
  'forbidden',
  'not_found',
  /** The request does not fit the state of what it names (e.g. a run that already ended). */
  'conflict',
  'payload_too_large',
  /** The key vault is locked (web host with a passphrase not entered yet). */
  'vault_locked',
  /** Keys would be stored only obfuscated; the person must agree first (Linux basic_text). */
  'consent_required',
  'internal',
])
export type RpcErrorKind = z.infer<typeof RpcErrorKindSchema>

export const RpcErrorSchema = z.object({
  kind: RpcErrorKindSchema,
  message: z.string(),
  field: z.string().optional(),
  /** A stable reason a screen can word in its own language, e.g. `not_writable`. */
  code: z.string().optional(),
  /** For `internal`: the id the host logged the failure under (the message never holds it). */
  incident: z.string().optional(),
  /** What the code's sentence names (a field, a number): names and numbers, never a sentence. */
  details: z.record(z.string(), z.string()).optional(),
  /**
   * Set by the renderer's client, never by a host: the host's own English message, kept when the
   * client replaced `message` with the sentence for `code` in the page's language.
   */
  original: z.string().optional(),
})
export type RpcError = z.infer<typeof RpcErrorSchema>

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcError }

export function rpcOk<T>(value: T): RpcResult<T> {
  return { ok: true, value }
}

export function rpcFail(
  kind: RpcErrorKind,
  message: string,
  field?: string,
  code?: string,
  incident?: string,
  details?: Record<string, string>,
): RpcResult<never> {
  return {
    ok: false,
    error: {
      kind,
      message,
      ...(field === undefined ? {} : { field }),
      ...(code === undefined ? {} : { code }),
      ...(incident === undefined ? {} : { incident }),
      ...(details === undefined ? {} : { details }),
    },
  }
}

/** Thrown inside a handler to return a specific error as data; the dispatcher catches it. */
export class RpcFailure extends Error {
  readonly kind: RpcErrorKind
  readonly field: string | undefined
  readonly code: string | undefined
  readonly details: Record<string, string> | undefined

  constructor(
    kind: RpcErrorKind,
    message: string,
    field?: string,
    code?: string,
    details?: Record<string, string>,
  ) {
    super(message)
    this.name = 'RpcFailure'
    this.kind = kind
    this.field = field
    this.code = code
    this.details = details
  }
}
