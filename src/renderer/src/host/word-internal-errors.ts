import type { ParallaxClient } from '../../../shared/client'
import { createTranslate, type Language } from '../i18n/i18n'

/**
 * A host's internal failure reads the same on every screen: one sentence in the page's language
 * with the incident id the host logged it under. The host never sends the error's own text, and
 * the screens show `error.message` as they get it, so the wording is set here, once.
 */
export function wordInternalErrors(
  client: ParallaxClient,
  language: () => Language = pageLanguage,
): ParallaxClient {
  return {
    host: client.host,
    on: (event, listener) => client.on(event, listener),
    async invoke(method, input) {
      const result = await client.invoke(method, input)
      if (result.ok || result.error.kind !== 'internal' || result.error.incident === undefined) {
        return result
      }
      const { incident } = result.error
      const message = createTranslate(language())('error.internal', { incident })
      return { ok: false, error: { ...result.error, message } }
    },
  }
}

/** The language I18nProvider set on the document (the client lives outside React). */
function pageLanguage(): Language {
  return document.documentElement.lang === 'ko' ? 'ko' : 'en'
}
