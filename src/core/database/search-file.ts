import { existsSync, rmSync, statSync } from 'node:fs'
import { DatabaseSync } from 'node:sqlite'
import { createPrivateFile, makePrivate } from '../private-file'

/**
 * The search indexes live in a file of their own beside the app database (`history.sqlite` →
 * `history.search.sqlite`), attached to its connection as the schema `search`: a bulk import
 * writes its rows into one file and their search entries into the other at the same time
 * (search-writer.ts). The file holds only what can be rebuilt from the rows — two contentless
 * FTS5 indexes and a sync token — so a damaged or foreign one is deleted and rebuilt, never
 * moved aside, and backups copy the app database alone.
 */
export const SEARCH_SCHEMA = 'search'

/** The search file's layout; a file with another one is deleted and rebuilt. */
const SEARCH_FILE_VERSION = 1
const NEW_PAGE_SIZE = 16384
/**
 * 64 MB of page cache, like the app database (a pragma sets one schema's): with SQLite's default
 * 2 MB, merging segments during a rebuild and searching the merged index read pages again and
 * again (measured: rebuild 35% slower, searches on a rebuilt 1M-message index twice as slow).
 */
export const SEARCH_CACHE_SIZE = -65536

/** `dir/history.sqlite` → `dir/history.search.sqlite` (a name without a dot gets `.search`). */
export function searchFileOf(file: string): string {
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'))
  const dot = file.lastIndexOf('.')
  return dot > slash + 1 ? `${file.slice(0, dot)}.search${file.slice(dot)}` : `${file}.search`
}

/**
 * Attaches the search file of the database in `mainFile` as `search`, creating it (owner-only)
 * with its tables when missing, and deleting it first when it cannot be used (`check`: which
 * integrity pragma to run on it, or none).
 */
export function attachSearchFile(
  db: DatabaseSync,
  mainFile: string,
  check: 'quick_check' | 'integrity_check' | null,
): void {
  const file = searchFileOf(mainFile)
  if (!isUsable(file, check)) removeSearchFile(file)
  for (const suffix of ['', '-wal', '-shm']) makePrivate(file + suffix)
  const isNew = !existsSync(file) || statSync(file).size === 0
  if (isNew) createPrivateFile(file)
  db.prepare(`ATTACH DATABASE ? AS ${SEARCH_SCHEMA}`).run(file)
  if (isNew) db.exec(`PRAGMA search.page_size = ${NEW_PAGE_SIZE}`)
  db.exec('PRAGMA search.journal_mode = WAL')
  db.exec('PRAGMA search.synchronous = NORMAL')
  db.exec(`PRAGMA search.cache_size = ${SEARCH_CACHE_SIZE}`)
  if (isNew) createSearchTables(db)
  attached.add(db)
}

const attached = new WeakSet<DatabaseSync>()

/**
 * True when `db` has its search file attached. Migrations run before the file is attached, and
 * tests open bare connections: their index is still in the main file, with no token to move.
 */
export function hasSearchFile(db: DatabaseSync): boolean {
  return attached.has(db)
}

/**
 * Contentless (the text lives in the app database's tables) and detail=none (row ids only): the
 * index finds candidates, search-history.ts confirms them against the stored text. A 16 MB
 * pending-terms hash (default 1 MB) means fewer, larger segments: bulk import ~40% faster.
 */
function createSearchTables(db: DatabaseSync): void {
  db.exec(`
    BEGIN IMMEDIATE;
    CREATE VIRTUAL TABLE search.search_trigram USING fts5 (
      body, tokenize = 'trigram', content = '', detail = none, columnsize = 0
    );
    CREATE VIRTUAL TABLE search.search_short USING fts5 (
      body, tokenize = 'unicode61', content = '', detail = none, columnsize = 0
    );
    INSERT INTO search.search_trigram (search_trigram, rank) VALUES ('hashsize', 16777216);
    INSERT INTO search.search_trigram (search_trigram, rank) VALUES ('automerge', 8);
    INSERT INTO search.search_short (search_short, rank) VALUES ('hashsize', 4194304);
    CREATE TABLE search.search_sync (id INTEGER PRIMARY KEY CHECK (id = 1), token TEXT);
    INSERT INTO search.search_sync (id, token) VALUES (1, NULL);
    PRAGMA search.user_version = ${SEARCH_FILE_VERSION};
    COMMIT;
  `)
}

/** False when the file exists but is not a search file of this layout, or fails `check`. */
function isUsable(file: string, check: 'quick_check' | 'integrity_check' | null): boolean {
  if (!existsSync(file) || statSync(file).size === 0) return true
  let db: DatabaseSync | undefined
  try {
    db = new DatabaseSync(file, { readOnly: true, timeout: 5000 })
    const { user_version } = db.prepare('PRAGMA user_version').get() as { user_version: number }
    if (Number(user_version) !== SEARCH_FILE_VERSION) return false
    const tables = db
      .prepare(
        `SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name IN
        ('search_trigram', 'search_short', 'search_sync')`,
      )
      .get() as { n: number }
    if (Number(tables.n) !== 3) return false
    if (check === null) return true
    const rows = db.prepare(`PRAGMA ${check}`).all() as { [key: string]: unknown }[]
    return rows.length === 1 && Object.values(rows[0] ?? {})[0] === 'ok'
  } catch {
    return false
  } finally {
    db?.close()
  }
}

function removeSearchFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
}
