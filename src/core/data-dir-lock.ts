import { randomBytes } from 'node:crypto'
import {
  chmodSync,
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { z } from 'zod'

/**
 * The lock itself: an empty SQLite database held in an exclusive transaction. SQLite's file locks
 * refuse a second process (and a second connection in this one), and the OS drops them when the
 * holder dies, even by kill -9. Nothing else may open this file: on POSIX, closing *any* handle
 * to it in the holding process would silently drop the lock.
 */
export const LOCK_FILE_NAME = 'parallax.lock'
/** Who holds the lock, for the message a refused process prints. Only read when refused. */
export const LOCK_HOLDER_FILE_NAME = 'parallax.lock.json'

export type LockHolderKind = 'web' | 'desktop' | 'cli'

const LockHolderSchema = z.object({
  kind: z.enum(['web', 'desktop', 'cli']),
  pid: z.number().int().positive(),
  /** Milliseconds since the epoch. */
  startedAt: z.number().int().nonnegative(),
})
export type LockHolder = z.infer<typeof LockHolderSchema>

export interface DataDirLock {
  dir: string
  holder: LockHolder
  /** Lets the next process in; safe to call more than once. */
  release(): void
}

const HOLDER_NAMES: Record<LockHolderKind, string> = {
  web: 'the Parallax web host',
  desktop: 'the Parallax desktop app',
  cli: 'a Parallax command',
}

/** Another process holds the data folder; `holder` is undefined when it did not say who it is. */
export class DataDirInUseError extends Error {
  readonly code = 'data_dir_in_use'
  readonly dir: string
  readonly holder: LockHolder | undefined
  /** Set when the folder was needed to copy its data into this one. */
  readonly copyingTo: string | undefined

  constructor(
    dir: string,
    holder: LockHolder | undefined,
    options: { now?: Date; copyingTo?: string } = {},
  ) {
    super(inUseMessage(dir, holder, options.now ?? new Date(), options.copyingTo))
    this.name = 'DataDirInUseError'
    this.dir = dir
    this.holder = holder
    this.copyingTo = options.copyingTo
  }
}

const SQLITE_BUSY = 5
const SQLITE_LOCKED = 6

/**
 * Takes the data folder for this process's life, or throws DataDirInUseError naming the process
 * that has it. Call it before anything reads or writes the folder's data: a refused process must
 * leave the folder exactly as it found it.
 */
export function acquireDataDirLock(
  dir: string,
  options: { kind: LockHolderKind; now?: () => Date },
): DataDirLock {
  const now = options.now ?? (() => new Date())
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const file = join(dir, LOCK_FILE_NAME)
  createOwnerOnly(file)
  const db = new DatabaseSync(file, { timeout: 0 })
  try {
    db.exec('PRAGMA locking_mode=EXCLUSIVE')
    db.exec('BEGIN EXCLUSIVE')
  } catch (error) {
    db.close()
    if (isBusy(error)) throw new DataDirInUseError(dir, readLockHolder(dir), { now: now() })
    throw error
  }
  const holder: LockHolder = { kind: options.kind, pid: process.pid, startedAt: now().getTime() }
  writeHolder(dir, holder)
  let held = true
  return {
    dir,
    holder,
    release() {
      if (!held) return
      held = false
      if (readLockHolder(dir)?.pid === holder.pid)
        rmSync(join(dir, LOCK_HOLDER_FILE_NAME), { force: true })
      try {
        db.exec('ROLLBACK')
      } finally {
        db.close()
      }
    },
  }
}

/** Who the lock file says holds the folder; undefined when the file is missing or garbled. */
export function readLockHolder(dir: string): LockHolder | undefined {
  try {
    const parsed = LockHolderSchema.safeParse(
      JSON.parse(readFileSync(join(dir, LOCK_HOLDER_FILE_NAME), 'utf8')),
    )
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

/**
 * Creates the lock file owner-only, but only when it is missing: opening and closing an existing
 * one here could drop a lock this process already holds (see LOCK_FILE_NAME).
 */
function createOwnerOnly(file: string): void {
  try {
    closeSync(openSync(file, 'wx', 0o600))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    return
  }
  if (process.platform !== 'win32') chmodSync(file, 0o600)
}

function writeHolder(dir: string, holder: LockHolder): void {
  const file = join(dir, LOCK_HOLDER_FILE_NAME)
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`
  writeFileSync(temp, `${JSON.stringify(holder)}\n`, { mode: 0o600 })
  renameSync(temp, file)
}

function isBusy(error: unknown): boolean {
  const errcode = (error as { errcode?: unknown }).errcode
  return errcode === SQLITE_BUSY || errcode === SQLITE_LOCKED
}

function inUseMessage(
  dir: string,
  holder: LockHolder | undefined,
  now: Date,
  copyingTo: string | undefined,
): string {
  const who = holder
    ? `${HOLDER_NAMES[holder.kind]} (pid ${holder.pid}, started ${formatStart(holder.startedAt, now)})`
    : 'another copy of Parallax'
  if (copyingTo !== undefined) {
    return `the data in ${dir} cannot be copied to ${copyingTo} while ${who} uses it. Stop that one, then start again.`
  }
  return `the data folder ${dir} is in use by ${who}. Use that one, or start with --data-dir another folder.`
}

/** "12:03" today, "2025-06-01 12:03" on another day (local time). */
function formatStart(startedAt: number, now: Date): string {
  const at = new Date(startedAt)
  const pad = (n: number) => String(n).padStart(2, '0')
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`
  const sameDay = at.toDateString() === now.toDateString()
  return sameDay
    ? time
    : `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${time}`
}
