import type { ParallaxClient } from '../../../shared/client'
import {
  HOST_ERROR_CODES,
  TRANSPORT_ERROR_CODES,
  type HostErrorCode,
  type TransportErrorCode,
} from '../../../shared/error-codes'
import type { RpcError, RpcErrorKind } from '../../../shared/rpc-result'
import { createTranslate, type Language, type Translate } from '../i18n/i18n'
import type { MessageKey } from '../i18n/messages-en'
import { translateComplete } from '../i18n/translate-complete'

type FailureCode = HostErrorCode | TransportErrorCode

/** Codes another screen already words in its own catalog (kept, so there is one text each). */
const WORDED_ELSEWHERE: Partial<Record<FailureCode, MessageKey>> = {
  not_absolute: 'settings.dataDir.problem.not_absolute',
  same_folder: 'settings.dataDir.problem.same_folder',
  inside_current: 'settings.dataDir.problem.inside_current',
  not_a_folder: 'settings.dataDir.problem.not_a_folder',
  not_writable: 'settings.dataDir.problem.not_writable',
  holds_data: 'settings.dataDir.problem.holds_data',
  not_choosable: 'settings.dataDir.problem.not_choosable',
  use_dialog: 'settings.dataDir.problem.use_dialog',
  no_dialog: 'settings.dataDir.problem.no_dialog',
  secret_required: 'connections.bind.secretRequired',
  metadata_address: 'connections.dest.metadataRefused',
}

/** The sentence for every code a failed call can carry (src/shared/error-codes.ts). */
export const FAILURE_SENTENCES: ReadonlyMap<string, MessageKey> = new Map(
  [...TRANSPORT_ERROR_CODES, ...HOST_ERROR_CODES].map((code) => [
    code,
    WORDED_ELSEWHERE[code] ?? (`errors.${code}` as MessageKey),
  ]),
)

const KIND_SENTENCES: Record<RpcErrorKind, MessageKey> = {
  invalid_input: 'errors.kind.invalid_input',
  unknown_method: 'errors.kind.unknown_method',
  unauthorized: 'errors.kind.unauthorized',
  forbidden: 'errors.kind.forbidden',
  not_found: 'errors.kind.not_found',
  conflict: 'errors.kind.conflict',
  payload_too_large: 'errors.kind.payload_too_large',
  vault_locked: 'errors.kind.vault_locked',
  consent_required: 'errors.kind.consent_required',
  internal: 'errors.kind.internal',
}

const TRANSPORT: ReadonlySet<string> = new Set(TRANSPORT_ERROR_CODES)

/**
 * A failure with its `message` in the page's language: the sentence for its code, filled with
 * its details. A code this page does not know (a newer host) or no code at all keeps the host's
 * English in English; in another language the message says what kind of failure it was, and the
 * English is kept as `original` for a screen to show on demand (components/original-message.tsx).
 * An internal failure with an incident id (a bug the host logged; it never sends the error's own
 * text) reads the same on every screen: one sentence with the incident id.
 */
export function wordFailure(error: RpcError, t: Translate, language: Language): RpcError {
  if (error.incident !== undefined) {
    return { ...error, message: t('error.internal', { incident: error.incident }) }
  }
  const key = error.code === undefined ? undefined : FAILURE_SENTENCES.get(error.code)
  const sentence = key && translateComplete(t, key, error.details ?? {})
  const keepOriginal = language !== 'en' && !(error.code !== undefined && TRANSPORT.has(error.code))
  if (sentence) {
    return { ...error, message: sentence, ...(keepOriginal ? { original: error.message } : {}) }
  }
  if (language === 'en') return error
  return { ...error, message: t(KIND_SENTENCES[error.kind]), original: error.message }
}

/** The client every screen uses: each failed call comes back worded by wordFailure. */
export function wordFailures(
  client: ParallaxClient,
  language: () => Language = pageLanguage,
): ParallaxClient {
  return {
    host: client.host,
    on: (event, listener) => client.on(event, listener),
    async invoke(method, input) {
      const result = await client.invoke(method, input)
      if (result.ok) return result
      const now = language()
      return { ok: false, error: wordFailure(result.error, createTranslate(now), now) }
    },
  }
}

/** The language I18nProvider set on the document (the client lives outside React). */
function pageLanguage(): Language {
  return document.documentElement.lang === 'ko' ? 'ko' : 'en'
}
