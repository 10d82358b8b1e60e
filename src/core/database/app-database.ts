/**
 * The app database's file in the data folder. The name predates the connections and usage the
 * file now holds besides the history; it is kept so existing data folders open as they are.
 */
export const APP_DATABASE_FILE = 'history.sqlite'

/** Something opening the database did that the person should hear of. */
export interface DatabaseNotice {
  kind: 'database-moved-aside'
  message: string
  /** Where the unusable file went (its -wal / -shm, if any, sit beside it with the same suffix). */
  movedTo: string
  reason: string
}

/**
 * The app's one SQLite database: the history (conversations, prompts, runs and their search
 * index) and the saved connections' non-secret fields; usage is computed from its runs. Code uses
 * it through a repository (the history store, the connection and usage repositories, backups);
 * only those reach its connection, through `handleOf` (database-handle.ts).
 */
export interface AppDatabase {
  readonly file: string
  /** Notices from opening: empty unless a damaged file was moved aside. */
  readonly notices: readonly DatabaseNotice[]
  /** Runs `work` in one transaction, or inside the caller's if one is open. */
  transaction<T>(work: () => T): T
  /** Copies the write-ahead log into the file and empties it (`PRAGMA wal_checkpoint(TRUNCATE)`). */
  checkpoint(): void
  /** Closes the connection; closing it again does nothing. */
  close(): void
}
