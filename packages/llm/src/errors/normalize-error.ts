import type { Connection, ProviderId } from '../types'
import { withHint, type LlmHint, type LlmHintDetails } from './hint-codes'
import { LlmError } from './llm-error'
import { redactText, secretsOf } from './redact-secrets'

/** Why the call layer aborted an attempt, when it was the one that did. */
export type AbortCause = 'aborted' | 'timeout' | 'idle'

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_HTTP2_STREAM_ERROR',
  'ERR_HTTP2_SESSION_ERROR',
  'ERR_STREAM_PREMATURE_CLOSE',
])

export function abortError(
  provider: ProviderId,
  cause: AbortCause,
  idleTimeoutMs?: number,
): LlmError {
  if (cause === 'aborted')
    return new LlmError({ kind: 'aborted', provider, message: 'The request was aborted.' })
  if (cause === 'idle') {
    const seconds = Math.round((idleTimeoutMs ?? 0) / 1000)
    return new LlmError({
      kind: 'timeout',
      provider,
      message: `The provider sent nothing for ${seconds} s; the stream was closed.`,
      ...withHint(
        'stream_idle',
        'The model may be overloaded. Try again, or raise idleTimeoutMs for very slow models.',
        { seconds: String(seconds) },
      ),
    })
  }
  return new LlmError({
    kind: 'timeout',
    provider,
    message: 'The request took longer than its time limit.',
  })
}

/** Anything thrown by a plugin or SDK that the plugin did not recognise. */
export function classifyUnknownError(error: unknown, provider: ProviderId): LlmError {
  if (error instanceof LlmError) return error
  const text = describe(error)
  if (isAbort(error))
    return new LlmError({ kind: 'aborted', provider, message: 'The request was aborted.' })
  if (isNetwork(error)) {
    return new LlmError({
      kind: 'network',
      provider,
      message: `Could not reach the provider: ${text}`,
      ...withHint(
        'check_network',
        'Check the network connection, any proxy, and the endpoint address.',
      ),
    })
  }
  return new LlmError({ kind: 'server', provider, message: text || 'The provider call failed.' })
}

/**
 * The error as it leaves the library: same kind and fields, every text redacted, and a `cause`
 * that is only a redacted summary (SDK errors keep request headers and bodies, which can hold keys).
 */
export function sanitizeError(
  error: LlmError,
  connection: Connection | undefined,
  extraSecrets: readonly string[] = [],
): LlmError {
  const secrets = secretsOf(connection, extraSecrets)
  const original = error.cause
  const cause =
    original === undefined
      ? undefined
      : Object.assign(new Error(redactText(describe(original), secrets)), {
          name: original instanceof Error ? original.name : 'Error',
        })
  return new LlmError({
    kind: error.kind,
    provider: error.provider,
    message: redactText(error.message, secrets),
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
    ...(error.requestId === undefined ? {} : { requestId: redactText(error.requestId, secrets) }),
    ...(error.hint === undefined ? {} : { hint: redactText(error.hint, secrets) }),
    ...(error.hintCode === undefined ? {} : { hintCode: error.hintCode }),
    ...(error.hintDetails === undefined
      ? {}
      : { hintDetails: redactDetails(error.hintDetails, secrets) }),
    ...(error.code === undefined ? {} : { code: redactText(error.code, secrets) }),
    ...(cause === undefined ? {} : { cause }),
  })
}

export function invalidRequest(provider: ProviderId, message: string, hint?: LlmHint): LlmError {
  return new LlmError({ kind: 'invalid_request', provider, message, ...hint })
}

function redactDetails(details: LlmHintDetails, secrets: readonly string[]): LlmHintDetails {
  const redacted: LlmHintDetails = {}
  for (const [name, value] of Object.entries(details) as [keyof LlmHintDetails, string][])
    redacted[name] = redactText(value, secrets)
  return redacted
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause
    const inner =
      cause instanceof Error && cause.message && !error.message.includes(cause.message)
        ? ` (${cause.message})`
        : ''
    return `${error.message}${inner}`
  }
  return typeof error === 'string' ? error : ''
}

function isAbort(error: unknown): boolean {
  return (
    error instanceof Error && (error.name === 'AbortError' || error.name === 'APIUserAbortError')
  )
}

function isNetwork(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return true
    if (current.name === 'APIConnectionError') return true
    if (current instanceof TypeError && /fetch failed|terminated|network/i.test(current.message))
      return true
    if (/socket hang up|other side closed|premature close|ECONNRESET/i.test(current.message))
      return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}
