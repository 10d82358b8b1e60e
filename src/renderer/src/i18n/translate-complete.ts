import type { Translate } from './i18n'
import type { MessageKey } from './messages-en'

/**
 * The text of `key` with every placeholder filled, or undefined when a detail it names is missing
 * (a code sent with fewer details than its sentence needs): the caller then shows the sender's
 * own text instead of a sentence with a hole in it.
 */
export function translateComplete(
  t: Translate,
  key: MessageKey,
  params: Record<string, string>,
): string | undefined {
  const text = t(key, params)
  const unfilled = (text.match(/\{(\w+)\}/g) ?? []).some((hole) => !(hole.slice(1, -1) in params))
  return unfilled ? undefined : text
}
