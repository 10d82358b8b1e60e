import type { DatabaseSync, StatementSync } from 'node:sqlite'

const caches = new WeakMap<DatabaseSync, Map<string, StatementSync>>()

/** A prepared statement for `sql`, prepared once per connection (preparing costs ~10–50 µs). */
export function statement(db: DatabaseSync, sql: string): StatementSync {
  let cache = caches.get(db)
  if (!cache) caches.set(db, (cache = new Map()))
  let prepared = cache.get(sql)
  if (!prepared) cache.set(sql, (prepared = db.prepare(sql)))
  return prepared
}

/**
 * Runs `work` in one transaction, or inside the caller's if one is open. Deferred, not IMMEDIATE:
 * IMMEDIATE would take the write lock of every attached file, the search file too, and wait for
 * the search writer's thread (search-writer.ts) while it indexes an import. Nothing else writes
 * the app database (one connection per data folder, data-dir-lock.ts), so a deferred transaction
 * gets its lock at its first write without waiting.
 */
export function transaction<T>(db: DatabaseSync, work: () => T): T {
  if (db.isTransaction) return work()
  db.exec('BEGIN')
  try {
    const result = work()
    db.exec('COMMIT')
    return result
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK')
    throw error
  }
}
