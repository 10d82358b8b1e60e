import { chmodSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { backup } from 'node:sqlite'
import type { AppDatabase } from '../database/app-database'
import { handleOf } from '../database/database-handle'
import {
  BACKUPS_KEPT,
  ensureBackupDir,
  freeBackupFileName,
  pruneBackups,
  type BackupReason,
} from './backup-files'

/**
 * SQLite's online backup, `PAGES_PER_STEP` pages at a time on Node's thread pool: the page keeps
 * answering while a large database is copied (each step holds the database for ~1.6 MB of
 * 16 KB pages), and writes made meanwhile through the same connection go into the copy too.
 */
const PAGES_PER_STEP = 100
/**
 * A step that meets a write transaction of the same connection (a run's text being saved) fails
 * the whole copy: Node rejects with "not an error" when SQLite answers BUSY on the first step. The
 * writes are short, so the copy is simply started again after these pauses.
 */
const RETRY_DELAYS_MS = [250, 1000, 4000]

/** Backs `database` up into `dir` without blocking the event loop; returns the new file's name. */
export async function backupDatabase(
  database: AppDatabase,
  dir: string,
  time: number,
  keep = BACKUPS_KEPT,
): Promise<string> {
  return finish(dir, 'daily', time, keep, async (partial) => {
    for (const delay of [...RETRY_DELAYS_MS, null]) {
      try {
        await backup(handleOf(database), partial, { rate: PAGES_PER_STEP })
        return
      } catch (error) {
        rmSync(partial, { force: true })
        if (delay === null) throw error
        await new Promise((resolve) => setTimeout(resolve, delay))
      }
    }
  })
}

/**
 * Before a migration: `VACUUM INTO`, synchronous — the migration that follows blocks start-up
 * anyway, and the copy must be complete before the schema changes.
 */
export function backupBeforeMigration(
  database: AppDatabase,
  dir: string,
  time: number,
  keep = BACKUPS_KEPT,
): string {
  ensureBackupDir(dir)
  const name = freeBackupFileName(dir, time, 'migration')
  const partial = join(dir, `${name}.partial`)
  try {
    handleOf(database).exec(`VACUUM INTO '${partial.replace(/'/g, "''")}'`)
    return publish(dir, name, partial, keep)
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  }
}

async function finish(
  dir: string,
  reason: BackupReason,
  time: number,
  keep: number,
  write: (partial: string) => Promise<void>,
): Promise<string> {
  ensureBackupDir(dir)
  const name = freeBackupFileName(dir, time, reason)
  const partial = join(dir, `${name}.partial`)
  try {
    await write(partial)
    return publish(dir, name, partial, keep)
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  }
}

/** Owner-only, then renamed into the list (so a crash mid-copy never lists a half file). */
function publish(dir: string, name: string, partial: string, keep: number): string {
  if (process.platform !== 'win32') chmodSync(partial, 0o600)
  renameSync(partial, join(dir, name))
  pruneBackups(dir, keep)
  return name
}
