import type { MethodInput } from '../../../shared/contract'
import type { Translate } from '../i18n/i18n'
import { markdownExportLabels } from './markdown-export-labels'

type ExportInput = MethodInput<'history.export'>

/**
 * A `history.export` call as the person would want it: the file named in their own time zone (the
 * host may run in another), a Markdown transcript worded in the UI's language.
 */
export function exportRequest(
  t: Translate,
  format: ExportInput['format'],
  conversationIds?: string[],
): ExportInput {
  const input: ExportInput = { format }
  if (conversationIds) input.conversationIds = conversationIds
  const timeZone = personTimeZone()
  if (timeZone) input.timeZone = timeZone
  if (format === 'markdown') input.labels = markdownExportLabels(t)
  return input
}

/** The IANA zone the browser runs in, e.g. `Asia/Seoul`; undefined when it does not say. */
function personTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined
  } catch {
    return undefined
  }
}
