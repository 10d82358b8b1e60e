import type { DatabaseSync } from 'node:sqlite'

/**
 * A search rebuild in progress (schema version 7 re-indexes for folding): docs with a key below
 * `below` are not in the search indexes yet; the rebuild adds them from their rows, newest first.
 * `total` is how many keys there were to do, for the progress shown while it runs.
 */
export interface SearchRebuildState {
  below: number
  total: number
}

const states = new WeakMap<DatabaseSync, SearchRebuildState | null>()

/** The rebuild in progress on `db`, or null (read once per connection, then kept here). */
export function searchRebuildState(db: DatabaseSync): SearchRebuildState | null {
  const known = states.get(db)
  if (known !== undefined) return known
  const table = db
    .prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'search_rebuild'`)
    .get()
  const row = table ? db.prepare('SELECT below, total FROM search_rebuild').get() : undefined
  const state = row ? { below: Number(row.below), total: Number(row.total) } : null
  states.set(db, state)
  return state
}

/** Records the rebuild's progress (null: finished), in the caller's transaction. */
export function saveSearchRebuildState(db: DatabaseSync, state: SearchRebuildState | null): void {
  db.exec('DELETE FROM search_rebuild')
  if (state)
    db.prepare('INSERT INTO search_rebuild (id, below, total) VALUES (1, ?, ?)').run(
      state.below,
      state.total,
    )
  states.set(db, state)
}

/** Forgets what was read, after a transaction that saved a state rolled back. */
export function forgetSearchRebuildState(db: DatabaseSync): void {
  states.delete(db)
}

/** True when the doc `key` waits for the rebuild: it is not indexed, and the rebuild will add it. */
export function awaitsSearchRebuild(db: DatabaseSync, key: number): boolean {
  const state = searchRebuildState(db)
  return state !== null && key < state.below
}
