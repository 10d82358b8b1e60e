import { closeSync, existsSync, openSync, readSync, renameSync, statSync } from 'node:fs'
import { DatabaseSync } from 'node:sqlite'
import { createPrivateFile, makePrivate } from '../private-file'
import type { AppDatabase, DatabaseNotice } from './app-database'
import { attachHandle } from './database-handle'
import { CURRENT_VERSION, migrate } from './migrations'
import { attachSearchFile } from './search-file'
import { mainSyncToken, markSearchInSync, searchSyncToken } from './search-sync'
import { closeSearchWriter, drainSearchWrites } from './search-writer'
import { transaction } from './statement-cache'
import { scheduleSearchRebuild } from '../history/search-rebuild'

export type IntegrityCheck = 'quick' | 'full' | 'none'

export interface OpenAppDatabaseOptions {
  /** The SQLite file (created if missing). */
  file: string
  /** `quick` (default) runs `PRAGMA quick_check`, `full` runs `PRAGMA integrity_check`. */
  integrity?: IntegrityCheck
  /** Clock, ms since epoch (names the file a damaged database is moved to). */
  now?: () => number
  /** Called with each notice found at open (e.g. a damaged file moved aside). */
  onNotice?: (notice: DatabaseNotice) => void
  /**
   * Called before an existing database is migrated (e.g. to back it up); an error stops the
   * migration and the open, leaving the file as it was.
   */
  beforeMigration?: (database: AppDatabase, fromVersion: number) => void
  /**
   * Called once with the connection, opened and migrated, before anything else uses it. For
   * tests: a pragma no repository sets (`max_page_count`), or a look at what none exposes.
   */
  configureConnection?: (db: DatabaseSync) => void
}

/** The file was written by a newer Parallax; it is refused and left exactly as it was. */
export class HistoryVersionError extends Error {
  override readonly name = 'HistoryVersionError'
  constructor(
    readonly file: string,
    readonly fileVersion: number,
    readonly supportedVersion: number,
  ) {
    super(
      `The history database ${file} has schema version ${fileVersion}, but this version of ` +
        `Parallax understands versions up to ${supportedVersion}. It was written by a newer ` +
        `Parallax; it has been left untouched. Update Parallax to open it.`,
    )
  }
}

const INTEGRITY_PRAGMAS = { quick: 'quick_check', full: 'integrity_check', none: null } as const

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')
const NEW_PAGE_SIZE = 16384

/**
 * Opens (creating or migrating) the app database. A file that is not a database or fails the
 * integrity check is renamed aside with a timestamp — never deleted — and a fresh one is created;
 * the database's notices say where it went. Throws HistoryVersionError (file untouched) when the
 * file comes from a newer Parallax.
 */
export function openAppDatabase(options: OpenAppDatabaseOptions): AppDatabase {
  const now = options.now ?? Date.now
  const notices: DatabaseNotice[] = []
  // The database holds prompts and answers: owner-only, like the vault. SQLite creates the -wal
  // and -shm files with the main file's mode, so a private main file keeps them private too.
  for (const suffix of ['', '-wal', '-shm']) makePrivate(options.file + suffix)
  const problem = inspect(options.file, options.integrity ?? 'quick')
  if (problem !== null) notices.push(moveAside(options.file, problem, now()))
  const isNew = !existsSync(options.file) || statSync(options.file).size === 0
  if (isNew) createPrivateFile(options.file)
  const db = new DatabaseSync(options.file, { enableForeignKeyConstraints: true, timeout: 5000 })
  const database = wrap(options.file, db, notices)
  try {
    // A new database gets 16 KB pages (SQLite's default is 4 KB; an existing file keeps its
    // size): a bulk import then handles a quarter as many pages, WAL frames and write calls.
    // Measured with bench:history: the 1M-message import ~8% faster, the file 4% smaller, search
    // and the conversation list unchanged. (Larger FTS5 leaves, 'pgsz', gained nothing more for
    // the import and doubled search latency, so they stay at FTS5's default.)
    if (isNew) db.exec(`PRAGMA page_size = ${NEW_PAGE_SIZE}`)
    db.exec('PRAGMA journal_mode = WAL')
    db.exec('PRAGMA synchronous = NORMAL')
    db.exec('PRAGMA foreign_keys = ON')
    db.exec('PRAGMA busy_timeout = 5000')
    db.exec('PRAGMA cache_size = -65536')
    const version = userVersion(db)
    if (version > CURRENT_VERSION)
      throw new HistoryVersionError(options.file, version, CURRENT_VERSION)
    if (version > 0 && version < CURRENT_VERSION) options.beforeMigration?.(database, version)
    migrate(db, version)
    attachSearchFile(db, options.file, INTEGRITY_PRAGMAS[options.integrity ?? 'quick'])
    reconcileSearchIndex(db)
    options.configureConnection?.(db)
  } catch (error) {
    db.close()
    throw error
  }
  for (const notice of notices) options.onNotice?.(notice)
  return database
}

function wrap(file: string, db: DatabaseSync, notices: readonly DatabaseNotice[]): AppDatabase {
  const database: AppDatabase = {
    file,
    notices,
    transaction: (work) => transaction(db, work),
    checkpoint: () => {
      drainSearchWrites(db)
      db.exec('PRAGMA wal_checkpoint(TRUNCATE)')
    },
    close: () => {
      if (!db.isOpen) return
      try {
        closeSearchWriter(db)
      } finally {
        db.close()
      }
    },
  }
  attachHandle(database, db)
  return database
}

/** Why the file cannot be used (null when it can, or does not exist yet). Refuses newer files. */
export function inspect(file: string, integrity: IntegrityCheck): string | null {
  if (!existsSync(file) || statSync(file).size === 0) return null
  if (!hasSqliteHeader(file)) return 'the file is not a SQLite database'
  let db: DatabaseSync | undefined
  try {
    db = new DatabaseSync(file, { readOnly: true, timeout: 5000 })
    const version = userVersion(db)
    if (version > CURRENT_VERSION) throw new HistoryVersionError(file, version, CURRENT_VERSION)
    if (integrity === 'none') return null
    const pragma = integrity === 'full' ? 'integrity_check' : 'quick_check'
    const rows = db.prepare(`PRAGMA ${pragma}`).all() as { [key: string]: unknown }[]
    const findings = rows.map((row) => String(Object.values(row)[0]))
    if (findings.length === 1 && findings[0] === 'ok') return null
    return `${pragma} failed: ${findings.slice(0, 3).join('; ')}`
  } catch (error) {
    if (error instanceof HistoryVersionError) throw error
    return `the database cannot be read: ${(error as Error).message}`
  } finally {
    db?.close()
  }
}

function hasSqliteHeader(file: string): boolean {
  const fd = openSync(file, 'r')
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length)
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER)
  } finally {
    closeSync(fd)
  }
}

/**
 * Rebuilds the search index when the search file does not match the rows (see search-sync.ts):
 * at once when small, else in the background with its progress shown (search-rebuild.ts).
 */
function reconcileSearchIndex(db: DatabaseSync): void {
  const token = mainSyncToken(db)
  if (token !== null && token === searchSyncToken(db)) return
  transaction(db, () => {
    scheduleSearchRebuild(db)
    markSearchInSync(db)
  })
}

function userVersion(db: DatabaseSync): number {
  return Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version)
}

function moveAside(file: string, reason: string, time: number): DatabaseNotice {
  const stamp = new Date(time).toISOString().replace(/[-:.]/g, '')
  let target = `${file}.unreadable-${stamp}`
  for (let n = 2; existsSync(target); n++) target = `${file}.unreadable-${stamp}-${n}`
  renameSync(file, target)
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix)
  }
  return {
    kind: 'database-moved-aside',
    message:
      `The history database could not be used (${reason}). It was moved to ${target} and a ` +
      `new, empty history was started.`,
    movedTo: target,
    reason,
  }
}
