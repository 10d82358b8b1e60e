import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { InputError } from '../errors/domain-errors'
import { inspect } from '../database/open-database'
import { createPrivateFile } from '../private-file'
import { listBackups } from './backup-files'

/** Written by `history.restore`, read (and removed) at the next start, before the database opens. */
export const PENDING_RESTORE_FILE = 'restore-pending.json'

/** The page named a file that is not one of the listed backups. */
export class UnknownBackupError extends InputError {
  override readonly name = 'UnknownBackupError'
  constructor(readonly backup: string) {
    super(`There is no backup named "${backup}". Choose one from the list of backups.`, {
      field: 'backup',
      code: 'unknown_backup',
    })
  }
}

export type RestoreOutcome =
  | { kind: 'restored'; backup: string; keptAt: string | null }
  | { kind: 'restore-failed'; backup: string; reason: string }

/**
 * Asks for `backup` (a name from `listBackups`, never a path) to replace the app database at
 * the next start. Nothing is changed now: the open database stays in use until the app restarts.
 */
export function requestRestore(dir: string, backup: string, time: number): void {
  if (!listBackups(dir).some((listed) => listed.file === backup))
    throw new UnknownBackupError(backup)
  const marker = join(dir, PENDING_RESTORE_FILE)
  createPrivateFile(marker)
  writeFileSync(marker, `${JSON.stringify({ backup, requestedAt: time })}\n`)
}

/** The backup waiting to be restored at the next start, if any. */
export function pendingRestore(dir: string): string | null {
  try {
    const saved = JSON.parse(readFileSync(join(dir, PENDING_RESTORE_FILE), 'utf8')) as unknown
    const backup = (saved as { backup?: unknown } | null)?.backup
    return typeof backup === 'string' && listBackups(dir).some((b) => b.file === backup)
      ? backup
      : null
  } catch {
    return null
  }
}

/**
 * At start, before the database is opened: puts the requested backup in place of `dbFile`. The
 * current file (with its -wal and -shm) is renamed aside, never deleted; the backup stays too.
 * The request is consumed either way, so a backup that cannot be used is not retried forever.
 */
export function applyPendingRestore(
  dbFile: string,
  dir: string,
  time: number,
): RestoreOutcome | null {
  const marker = join(dir, PENDING_RESTORE_FILE)
  if (!existsSync(marker)) return null
  const backup = pendingRestore(dir)
  rmSync(marker, { force: true })
  if (backup === null) return { kind: 'restore-failed', backup: '', reason: 'the backup is gone' }
  const source = join(dir, backup)
  let problem: string | null
  try {
    problem = inspect(source, 'quick')
  } catch (error) {
    problem = (error as Error).message
  }
  if (problem !== null) return { kind: 'restore-failed', backup, reason: problem }
  const keptAt = existsSync(dbFile) ? moveAside(dbFile, time) : null
  createPrivateFile(`${dbFile}.restoring`)
  copyFileSync(source, `${dbFile}.restoring`)
  renameSync(`${dbFile}.restoring`, dbFile)
  return { kind: 'restored', backup, keptAt }
}

function moveAside(file: string, time: number): string {
  const stamp = new Date(time).toISOString().replace(/[-:.]/g, '')
  let target = `${file}.before-restore-${stamp}`
  for (let n = 2; existsSync(target); n++) target = `${file}.before-restore-${stamp}-${n}`
  renameSync(file, target)
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix)
  }
  return target
}
