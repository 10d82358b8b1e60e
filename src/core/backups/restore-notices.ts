import type { Notice } from '../../shared/contract'
import type { OpenedAppDatabase } from './open-with-backups'

/**
 * Adds the start-up news about backups to `notices`: the newest backup offered on the "history
 * was moved aside" notice, and the outcome of a restore asked for before this start.
 */
export function addRestoreNotices(
  notices: Notice[],
  opened: OpenedAppDatabase,
  at = Date.now(),
): void {
  for (const notice of notices) {
    if (notice.code === 'history.moved_aside' && opened.restorable !== null) {
      notice.restorable = opened.restorable
    }
  }
  if (opened.restore?.kind === 'restored') {
    notices.push({ level: 'info', code: 'history.restored', at, detail: opened.restore.backup })
  } else if (opened.restore?.kind === 'restore-failed') {
    const detail = opened.restore.backup
    notices.push({ level: 'warning', code: 'history.restore_failed', at, detail })
  }
}
