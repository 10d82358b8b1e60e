import type { Notice } from '../../../shared/contract'
import { DISMISSED_MAX, type Dismissed } from '../../../shared/prefs-schemas'
import type { UsageWarningPayload } from '../../../shared/usage-schemas'
import { getPref, setPref } from './prefs-store'

/**
 * Banners the person dismissed, kept in the data folder so a restart does not bring them back:
 * a start-up notice that a later start reports again (the same code and detail, e.g. a data
 * folder change still waiting), and a usage warning raised again with the same id.
 */

const EMPTY: Dismissed = { notices: [], usageWarnings: [] }

function dismissed(): Dismissed {
  return getPref('dismissed') ?? EMPTY
}

function noticeKey(notice: Notice): string {
  return `${notice.code}:${notice.detail ?? ''}`
}

export function isNoticeDismissed(notice: Notice): boolean {
  return dismissed().notices.includes(noticeKey(notice))
}

export function dismissNotice(notice: Notice): void {
  const { notices, usageWarnings } = dismissed()
  const key = noticeKey(notice)
  if (notices.includes(key)) return
  setPref('dismissed', { notices: [...notices, key].slice(-DISMISSED_MAX), usageWarnings })
}

/** A usage warning keeps its id when raised again in the same hour (e.g. after a restart). */
export function isUsageWarningDismissed(warning: UsageWarningPayload): boolean {
  return dismissed().usageWarnings.includes(warning.id)
}

export function dismissUsageWarning(warning: UsageWarningPayload): void {
  const { notices, usageWarnings } = dismissed()
  if (usageWarnings.includes(warning.id)) return
  setPref('dismissed', {
    notices,
    usageWarnings: [...usageWarnings, warning.id].slice(-DISMISSED_MAX),
  })
}
