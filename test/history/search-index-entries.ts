import type { DatabaseSync } from 'node:sqlite'

/**
 * Every (term, doc) pair in both search indexes of the search file attached to `db` as `search`
 * (src/core/database/search-file.ts): two indexes compare equal when they hold the same entries.
 */
export function searchIndexEntries(db: DatabaseSync): unknown[][] {
  return ['search_trigram', 'search_short'].map((table) => {
    db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.${table}_v
      USING fts5vocab(search, ${table}, instance)`)
    return db.prepare(`SELECT term, doc FROM temp.${table}_v ORDER BY term, doc`).all()
  })
}
