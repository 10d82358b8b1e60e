import { join } from 'node:path'
import type { DatabaseSync } from 'node:sqlite'
import type { AppDatabase } from '../database/app-database'
import { openAppDatabase } from '../database/open-database'
import { BACKUP_DIR_NAME, listBackups } from './backup-files'
import { createBackupService, type BackupService } from './backup-service'
import { backupBeforeMigration } from './create-backup'
import { applyPendingRestore, type RestoreOutcome } from './pending-restore'

export interface OpenedAppDatabase {
  database: AppDatabase
  backups: BackupService
  /** What a restore requested before this start did (null: none was requested). */
  restore: RestoreOutcome | null
  /** The newest backup when the database was found damaged and moved aside (offered to restore). */
  restorable: string | null
}

export interface OpenWithBackupsOptions {
  now?: () => number
  /** See OpenAppDatabaseOptions (for tests). */
  configureConnection?: (db: DatabaseSync) => void
}

/**
 * Opens the app database in `dataDir` with its backups: a restore requested in Settings is
 * applied first, and a database about to be migrated is backed up first. The daily backups are
 * checked every hour (not when the file was just found damaged: an empty copy would push out the
 * good backups); the first check is the caller's `backups.backupIfDue()`, once the repositories
 * have done their writes at open — a write on the connection during the online backup fails it.
 */
export function openAppDatabaseWithBackups(
  dataDir: string,
  fileName: string,
  options: OpenWithBackupsOptions = {},
): OpenedAppDatabase {
  const now = options.now ?? Date.now
  const file = join(dataDir, fileName)
  const dir = join(dataDir, BACKUP_DIR_NAME)
  const restore = applyPendingRestore(file, dir, now())
  const database = openAppDatabase({
    file,
    beforeMigration: (opening) => backupBeforeMigration(opening, dir, now()),
    configureConnection: options.configureConnection,
  })
  const damaged = database.notices.some((notice) => notice.kind === 'database-moved-aside')
  const backups = createBackupService({ database, dir, now, enabled: !damaged })
  return {
    database,
    backups,
    restore,
    restorable: damaged ? (listBackups(dir)[0]?.file ?? null) : null,
  }
}
