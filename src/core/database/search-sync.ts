import { randomUUID } from 'node:crypto'
import type { DatabaseSync } from 'node:sqlite'
import { hasSearchFile } from './search-file'
import { statement } from './statement-cache'

/**
 * The sync token says whether the search file matches the app database's rows. Both files keep
 * one (`main.search_sync`, `search.search_sync`); every write to the index gives the main file a
 * new token and moves the search file's to it only if the two were equal before. They differ
 * when a process died between the two files' commits, when a background index write failed
 * (search-writer.ts), when the app database was restored from a backup (backups hold no index)
 * or the search file is new: then the next open rebuilds the index (reconcileSearchIndex).
 */

export function newSyncToken(): string {
  return randomUUID()
}

/** The main file's token (in the caller's transaction). */
export function mainSyncToken(db: DatabaseSync): string | null {
  const row = statement(db, 'SELECT token FROM main.search_sync').get() as
    { token: string | null } | undefined
  return row?.token ?? null
}

export function setMainSyncToken(db: DatabaseSync, token: string): void {
  statement(db, 'UPDATE main.search_sync SET token = ?').run(token)
}

/** The search file's token. */
export function searchSyncToken(db: DatabaseSync): string | null {
  const row = statement(db, 'SELECT token FROM search.search_sync').get() as
    { token: string | null } | undefined
  return row?.token ?? null
}

/** Both files get the same new token: they match (after a rebuild). In the caller's transaction. */
export function markSearchInSync(db: DatabaseSync): void {
  const token = newSyncToken()
  setMainSyncToken(db, token)
  statement(db, 'UPDATE search.search_sync SET token = ?').run(token)
}

/**
 * Before a write to the index on this connection, in the same transaction: a new token for both
 * files if they matched, else for the main file only (they stay apart until the rebuild).
 */
export function moveSyncTokens(db: DatabaseSync): void {
  if (!hasSearchFile(db)) return
  const next = newSyncToken()
  statement(
    db,
    'UPDATE search.search_sync SET token = ?1 WHERE token IS (SELECT token FROM main.search_sync)',
  ).run(next)
  setMainSyncToken(db, next)
}

/**
 * The tokens of an import whose entries the background writer adds while its rows go in: the
 * search file's moves from `prev` to `pending` before the first entry and to `next` once the rows
 * have committed (back to `prev` if they roll back). A crash in between leaves the two files'
 * tokens apart, so the next open rebuilds. The main file gets `next` in the import's transaction.
 */
export interface ImportSyncTokens {
  prev: string
  pending: string
  next: string
}

export function startImportSyncTokens(db: DatabaseSync): ImportSyncTokens {
  const tokens = { prev: mainSyncToken(db) ?? '', pending: newSyncToken(), next: newSyncToken() }
  setMainSyncToken(db, tokens.next)
  return tokens
}
