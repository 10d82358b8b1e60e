import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** The folder, inside the data folder, that holds the app database's backups. */
export const BACKUP_DIR_NAME = 'backups'
/** How many backups are kept; the oldest beyond this are deleted after each new one. */
export const BACKUPS_KEPT = 7

export type BackupReason = 'daily' | 'migration'

export interface BackupFile {
  /** The file name inside the backups folder (the only name `history.restore` accepts). */
  file: string
  createdAt: number
  size: number
  reason: BackupReason
}

const NAME =
  /^history-(\d{4})-(\d{2})-(\d{2})T(\d{2})(\d{2})(\d{2})(?:-(\d+))?(-before-migration)?\.sqlite$/

/** `history-2026-12-03T210500.sqlite` (UTC), `-before-migration` for one taken before an update. */
export function backupFileName(time: number, reason: BackupReason, n = 1): string {
  const iso = new Date(time).toISOString() // 2026-12-03T21:05:00.000Z
  const stamp = `${iso.slice(0, 10)}T${iso.slice(11, 19).replace(/:/g, '')}`
  return `history-${stamp}${n > 1 ? `-${n}` : ''}${reason === 'migration' ? '-before-migration' : ''}.sqlite`
}

/** A name not taken yet in `dir` for a backup made at `time`. */
export function freeBackupFileName(dir: string, time: number, reason: BackupReason): string {
  let n = 1
  while (existsSync(join(dir, backupFileName(time, reason, n)))) n++
  return backupFileName(time, reason, n)
}

/** The folder, created owner-only (backups hold every prompt and answer). */
export function ensureBackupDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  if (process.platform !== 'win32') chmodSync(dir, 0o700)
}

/** Every finished backup in `dir`, newest first (half-written `.partial` files are not listed). */
export function listBackups(dir: string): BackupFile[] {
  if (!existsSync(dir)) return []
  const found: BackupFile[] = []
  for (const file of readdirSync(dir)) {
    const match = NAME.exec(file)
    if (!match) continue
    const [, y, mo, d, h, mi, s, n, migration] = match
    const createdAt = Date.UTC(
      Number(y),
      Number(mo) - 1,
      Number(d),
      Number(h),
      Number(mi),
      Number(s),
    )
    const stat = statSync(join(dir, file), { throwIfNoEntry: false })
    if (!stat?.isFile()) continue
    found.push({
      file,
      createdAt: createdAt + Number(n ?? 1) - 1, // same-second backups keep their order
      size: stat.size,
      reason: migration ? 'migration' : 'daily',
    })
  }
  return found.sort((a, b) => b.createdAt - a.createdAt || b.file.localeCompare(a.file))
}

/** Deletes all but the newest `keep` backups; returns the names deleted. */
export function pruneBackups(dir: string, keep = BACKUPS_KEPT): string[] {
  const old = listBackups(dir).slice(keep)
  for (const backup of old) rmSync(join(dir, backup.file), { force: true })
  return old.map((backup) => backup.file)
}
