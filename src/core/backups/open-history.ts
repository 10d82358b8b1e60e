import { join } from 'node:path'
import { createHistoryStore, type HistoryStore } from '../history/index'
import { BACKUP_DIR_NAME, listBackups } from './backup-files'
import { createBackupService, type BackupService } from './backup-service'
import { backupBeforeMigration } from './create-backup'
import { applyPendingRestore, type RestoreOutcome } from './pending-restore'

export interface OpenedHistory {
  history: HistoryStore
  backups: BackupService
  /** What a restore requested before this start did (null: none was requested). */
  restore: RestoreOutcome | null
  /** The newest backup when the database was found damaged and moved aside (offered to restore). */
  restorable: string | null
}

/**
 * Opens the history database in `dataDir` with its backups: a restore requested in Settings is
 * applied first, a database about to be migrated is backed up first, and a daily backup starts
 * in the background (not when the file was just found damaged: an empty copy would push out the
 * good backups).
 */
export function openHistoryWithBackups(
  dataDir: string,
  fileName: string,
  now: () => number = Date.now,
): OpenedHistory {
  const file = join(dataDir, fileName)
  const dir = join(dataDir, BACKUP_DIR_NAME)
  const restore = applyPendingRestore(file, dir, now())
  const history = createHistoryStore({
    file,
    beforeMigration: (db) => backupBeforeMigration(db, dir, now()),
  })
  const damaged = history.notices.some((notice) => notice.kind === 'database-moved-aside')
  const backups = createBackupService({ db: history.db, dir, now, enabled: !damaged })
  void backups.backupIfDue()
  return {
    history,
    backups,
    restore,
    restorable: damaged ? (listBackups(dir)[0]?.file ?? null) : null,
  }
}
