import type { Notice } from '../../shared/contract'
import { addRestoreNotices, type OpenedAppDatabase } from '../backups/index'
import type { PreparedDataDir } from '../data-dir'
import type { VaultNotice } from '../vault/index'

export interface StartupNews {
  opened: OpenedAppDatabase
  vaultNotices: readonly VaultNotice[]
  /** Why keys cannot be encrypted on this machine at all (the app opened without a vault). */
  vaultUnavailable: string | undefined
  dataLocation: PreparedDataDir | undefined
  now?: () => number
}

/**
 * What start-up did that the person should hear of (a file moved aside, a restore, a new data
 * folder). The renderer was not listening yet, so it asks for these with `app.notices`.
 */
export function startupNotices(news: StartupNews): Notice[] {
  const now = news.now ?? Date.now
  const notices: Notice[] = [
    ...news.opened.database.notices.map((notice) => ({
      code: 'history.moved_aside' as const,
      movedTo: notice.movedTo,
    })),
    // An undecryptable vault is kept aside and the app opens with a new one: say why, and where.
    ...news.vaultNotices.map((notice) => ({
      code:
        notice.kind === 'vault-unreadable'
          ? (`vault.${notice.reason}` as const)
          : ('vault.moved_aside' as const),
      movedTo: notice.movedTo,
    })),
  ].map(({ code, movedTo }) => ({ level: 'warning' as const, code, at: now(), detail: movedTo }))
  addRestoreNotices(notices, news.opened, now())
  if (news.vaultUnavailable !== undefined) {
    notices.push({
      level: 'warning',
      code: 'vault.unavailable',
      at: now(),
      detail: news.vaultUnavailable,
    })
  }
  const { copiedFrom, copyFailed, unavailable, waiting } = news.dataLocation ?? {}
  if (waiting !== undefined) {
    notices.push({ level: 'info', code: 'data.pending', at: now(), detail: waiting.dataDir })
  }
  if (unavailable !== undefined) {
    notices.push({ level: 'warning', code: 'data.unavailable', at: now(), detail: unavailable })
  }
  if (copiedFrom !== undefined) {
    notices.push({ level: 'info', code: 'data.copied', at: now(), detail: copiedFrom })
  }
  if (copyFailed !== undefined) {
    notices.push({ level: 'warning', code: 'data.copy_failed', at: now(), detail: copyFailed.from })
  }
  return notices
}
