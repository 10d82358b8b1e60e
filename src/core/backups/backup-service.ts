import type { AppDatabase } from '../database/app-database'
import { handleOf } from '../database/database-handle'
import { BACKUPS_KEPT, listBackups, type BackupFile } from './backup-files'
import { backupDatabase } from './create-backup'
import { pendingRestore, requestRestore } from './pending-restore'

const DAY_MS = 24 * 60 * 60 * 1000
/** How often a long-running app checks whether a day has passed since the newest backup. */
const CHECK_EVERY_MS = 60 * 60 * 1000

export interface BackupServiceOptions {
  database: AppDatabase
  dir: string
  now?: () => number
  keep?: number
  /** False when the database was just replaced by an empty one: its backup would push out good ones. */
  enabled?: boolean
  onError?: (error: unknown) => void
}

export interface BackupService {
  list(): { backups: BackupFile[]; pendingRestore: string | null }
  /** Restores `backup` (a listed name) at the next start; see pending-restore.ts. */
  restore(backup: string): { backup: string; restartRequired: true }
  /** Takes a backup now if the newest is a day old or more (and the history is not empty). */
  backupIfDue(): Promise<string | null>
  /** Stops the timer and waits for a backup in progress (call before closing the database). */
  close(): Promise<void>
}

/** Daily backups of the app database: one at start when due, then checked every hour. */
export function createBackupService(options: BackupServiceOptions): BackupService {
  const now = options.now ?? Date.now
  const keep = options.keep ?? BACKUPS_KEPT
  const onError = options.onError ?? ((error) => console.warn('backup:', error))
  let running: Promise<string | null> | null = null
  let closed = false

  const due = (): boolean => {
    if (closed || options.enabled === false) return false
    const newest = listBackups(options.dir)[0]
    if (newest && now() - newest.createdAt < DAY_MS) return false
    const db = handleOf(options.database)
    return db.prepare('SELECT 1 FROM conversations LIMIT 1').get() !== undefined
  }
  const backupIfDue = (): Promise<string | null> => {
    if (running) return running
    if (!due()) return Promise.resolve(null)
    running = backupDatabase(options.database, options.dir, now(), keep)
      .catch((error: unknown) => {
        onError(error)
        return null
      })
      .finally(() => (running = null))
    return running
  }
  const timer = setInterval(() => void backupIfDue(), CHECK_EVERY_MS)
  timer.unref()

  return {
    list: () => ({
      backups: listBackups(options.dir),
      pendingRestore: pendingRestore(options.dir),
    }),
    restore: (backup) => {
      requestRestore(options.dir, backup, now())
      return { backup, restartRequired: true }
    },
    backupIfDue,
    async close() {
      closed = true
      clearInterval(timer)
      await running
    },
  }
}
