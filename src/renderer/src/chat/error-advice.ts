import type { MessageKey } from '../i18n/messages-en'

const ADVICE: Record<string, MessageKey> = {
  auth: 'chat.error.auth',
  permission: 'chat.error.permission',
  rate_limit: 'chat.error.rateLimit',
  quota: 'chat.error.quota',
  context_length: 'chat.error.contextLength',
  invalid_request: 'chat.error.invalidRequest',
  unsupported_parameter: 'chat.error.unsupportedParameter',
  not_found: 'chat.error.notFound',
  content_filter: 'chat.error.contentFilter',
  overloaded: 'chat.error.overloaded',
  server: 'chat.error.server',
  network: 'chat.error.network',
  timeout: 'chat.error.timeout',
  aborted: 'chat.error.aborted',
  connection: 'chat.error.connection',
  locked: 'chat.error.locked',
  reenter: 'chat.error.reenter',
  unavailable: 'chat.error.unavailable',
  disk_full: 'chat.error.diskFull',
  storage: 'chat.error.storage',
}

/** The plain-words sentence (what happened and what to do) for an error kind. */
export function adviceKey(kind: string | null | undefined): MessageKey {
  return (kind && Object.hasOwn(ADVICE, kind) ? ADVICE[kind] : undefined) ?? 'chat.error.unknown'
}

/** Kinds whose fix is on the Connections screen (its settings, or unlocking the saved keys). */
export function pointsToConnection(kind: string | null | undefined): boolean {
  return (
    kind === 'auth' ||
    kind === 'permission' ||
    kind === 'connection' ||
    kind === 'not_found' ||
    kind === 'locked' ||
    kind === 'reenter'
  )
}
