import type { DatabaseSync } from 'node:sqlite'
import { foldText } from './fold-text'
import { shortIndexText } from './search-text'
import {
  awaitsSearchRebuild,
  saveSearchRebuildState,
  searchRebuildState,
} from './search-rebuild-state'
import { moveSyncTokens } from '../database/search-sync'
import {
  drainSearchWrites,
  isSearchIndexSuspended,
  type SearchJobDoc,
} from '../database/search-writer'
import { statement, transaction } from '../database/statement-cache'

/**
 * Both search tables are contentless: they hold doc keys only, the text stays in its own table.
 * A contentless FTS5 row is removed by replaying the exact text it was added with, so callers
 * pass the stored text to `unindexDoc` (folding and the rules in search-text.ts are deterministic).
 * Both indexes get the folded text (fold-text.ts): "cafe" finds "café", "abc" finds "ＡＢＣ".
 *
 * While a rebuild is in progress (search-rebuild.ts), a doc whose key it has not reached yet is
 * neither added nor removed here: the rebuild adds it from its row when it gets there.
 */
export function indexDoc(db: DatabaseSync, key: number, text: string): void {
  if (text === '' || awaitsSearchRebuild(db, key)) return
  writeIndex(db, () => {
    const folded = foldText(text)
    statement(db, 'INSERT INTO search_trigram (rowid, body) VALUES (?, ?)').run(key, folded)
    const short = shortIndexText(folded)
    if (short !== '')
      statement(db, 'INSERT INTO search_short (rowid, body) VALUES (?, ?)').run(key, short)
  })
}

/**
 * Every write to the index on this connection: after the background writer's jobs (they come
 * first, in order), with the sync tokens moved in the same transaction (search-sync.ts); none at
 * all once a background write failed (the next open rebuilds the index).
 */
function writeIndex(db: DatabaseSync, write: () => void): void {
  drainSearchWrites(db)
  if (isSearchIndexSuspended(db)) return
  transaction(db, () => {
    moveSyncTokens(db)
    write()
  })
}

/** Waits for the background writer, so what is read next includes every committed import. */
export function settleSearchIndex(db: DatabaseSync): void {
  drainSearchWrites(db)
}

/** A title, prompt or answer to index: its doc key and text. */
export interface Doc {
  key: number
  text: string
}

/**
 * Indexes many docs (in ascending key order) at once: all of them into the trigram index, then
 * all into the short index. Batching by index keeps each index's pending-terms hash hot in the
 * CPU cache, and ascending keys let FTS5 append to its pending doclists without flushing.
 */
export function indexDocs(db: DatabaseSync, docs: readonly Doc[]): void {
  addDocs(
    db,
    searchRebuildState(db) === null
      ? docs
      : docs.filter((doc) => !awaitsSearchRebuild(db, doc.key)),
  )
}

/** indexDocs without the rebuild check (the rebuild itself adds the docs it reached). */
export function addDocs(db: DatabaseSync, docs: readonly Doc[]): void {
  const folded: Doc[] = []
  for (const doc of docs)
    if (doc.text !== '') folded.push({ key: doc.key, text: foldText(doc.text) })
  if (folded.length === 0) return
  writeIndex(db, () => {
    const trigram = statement(db, 'INSERT INTO search_trigram (rowid, body) VALUES (?, ?)')
    for (const doc of folded) trigram.run(doc.key, doc.text)
    const short = statement(db, 'INSERT INTO search_short (rowid, body) VALUES (?, ?)')
    for (const doc of folded) {
      const text = shortIndexText(doc.text)
      if (text !== '') short.run(doc.key, text)
    }
  })
}

/**
 * Docs for the background writer (search-writer.ts): folded, with their short-index text, in
 * ascending key order, leaving out those a rebuild in progress will add.
 */
export function searchDocsFor(db: DatabaseSync, docs: readonly Doc[]): SearchJobDoc[] {
  const out: SearchJobDoc[] = []
  for (const doc of docs) {
    if (doc.text === '' || awaitsSearchRebuild(db, doc.key)) continue
    const trigram = foldText(doc.text)
    out.push({ key: doc.key, trigram, short: shortIndexText(trigram) })
  }
  return out.sort((a, b) => a.key - b.key)
}

export function unindexDoc(db: DatabaseSync, key: number, text: string): void {
  if (text === '' || awaitsSearchRebuild(db, key)) return
  writeIndex(db, () => {
    const folded = foldText(text)
    statement(
      db,
      `INSERT INTO search_trigram (search_trigram, rowid, body) VALUES ('delete', ?, ?)`,
    ).run(key, folded)
    const short = shortIndexText(folded)
    if (short === '') return
    statement(
      db,
      `INSERT INTO search_short (search_short, rowid, body) VALUES ('delete', ?, ?)`,
    ).run(key, short)
  })
}

/** A run's answer is searchable once the run has ended (it is neither queued nor streaming). */
export function isRunIndexed(status: string): boolean {
  return status !== 'streaming' && status !== 'queued'
}

/** Where each kind of doc keeps its key and text (an unfinished run's answer is not indexed). */
const DOC_SOURCES = [
  { table: 'conversations', key: 'title_doc', text: 'title', where: 'TRUE' },
  { table: 'messages', key: 'doc', text: 'content', where: 'TRUE' },
  { table: 'runs', key: 'doc', text: 'answer', where: `status NOT IN ('queued', 'streaming')` },
]

const INDEXED_DOCS = DOC_SOURCES.map(
  ({ table, key, text, where }) =>
    `SELECT ${key} AS key, ${text} AS text FROM ${table} WHERE ${where} ORDER BY ${key}`,
)

/** Every indexed doc with a key from ?1 (inclusive) to ?2 (exclusive), in key order. */
const DOCS_IN_RANGE = `${DOC_SOURCES.map(
  ({ table, key, text, where }) =>
    `SELECT ${key} AS key, ${text} AS text FROM ${table}
     WHERE ${key} >= ?1 AND ${key} < ?2 AND ${text} != '' AND ${where}`,
).join(' UNION ALL ')} ORDER BY 1`

/** Adds every indexed doc with a key in [from, to) (used by the rebuild; no transaction). */
export function indexKeyRange(db: DatabaseSync, from: number, to: number): number {
  const docs = statement(db, DOCS_IN_RANGE)
    .all(from, to)
    .map((row) => ({ key: Number(row.key), text: String(row.text) }))
  addDocs(db, docs)
  return docs.length
}

/** Empties both indexes. */
export function clearSearchIndex(db: DatabaseSync): void {
  drainSearchWrites(db)
  transaction(db, () => {
    moveSyncTokens(db)
    db.exec(`INSERT INTO search_trigram (search_trigram) VALUES ('delete-all')`)
    db.exec(`INSERT INTO search_short (search_short) VALUES ('delete-all')`)
  })
}

/** Empties both indexes and re-adds every title, prompt and finished answer (in one go). */
export function rebuildSearchIndex(db: DatabaseSync): void {
  clearSearchIndex(db)
  for (const sql of INDEXED_DOCS) {
    let docs: Doc[] = []
    for (const row of db.prepare(sql).iterate()) {
      docs.push({ key: Number(row.key), text: String(row.text) })
      if (docs.length < 10_000) continue
      addDocs(db, docs)
      docs = []
    }
    addDocs(db, docs)
  }
  if (searchRebuildState(db) !== null) saveSearchRebuildState(db, null)
}
