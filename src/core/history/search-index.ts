import type { DatabaseSync } from 'node:sqlite'
import { shortIndexText } from './search-text'
import { statement } from '../database/statement-cache'

/**
 * Both search tables are contentless: they hold doc keys only, the text stays in its own table.
 * A contentless FTS5 row is removed by replaying the exact text it was added with, so callers
 * pass the stored text to `unindexDoc` (the rules in search-text.ts are deterministic).
 */
export function indexDoc(db: DatabaseSync, key: number, text: string): void {
  if (text === '') return
  statement(db, 'INSERT INTO search_trigram (rowid, body) VALUES (?, ?)').run(key, text)
  const short = shortIndexText(text)
  if (short !== '')
    statement(db, 'INSERT INTO search_short (rowid, body) VALUES (?, ?)').run(key, short)
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
  addToTrigramIndex(db, docs)
  addToShortIndex(db, docs)
}

/**
 * Indexes docs just added, in ascending key order, that are every indexed doc with a key in their
 * range (as an import's are), with one statement per index instead of one call per doc: the
 * trigram index reads the texts from their rows, the short index gets its texts (made here) as
 * one JSON object, whose integer keys JSON lists in ascending order. A statement writing many
 * rows opens a savepoint, at which FTS5 flushes every index's pending terms: so one statement
 * per index (the second flushes the trigram terms COMMIT would have flushed).
 */
export function indexNewDocs(db: DatabaseSync, docs: readonly Doc[]): void {
  const first = docs[0]
  const last = docs[docs.length - 1]
  if (first === undefined || last === undefined) return
  statement(db, ADD_RANGE_TO_TRIGRAM_INDEX).run(first.key, last.key)
  const shorts: Record<number, string> = {}
  for (const doc of docs) {
    const text = doc.text === '' ? '' : shortIndexText(doc.text)
    if (text !== '') shorts[doc.key] = text
  }
  statement(
    db,
    'INSERT INTO search_short (rowid, body) SELECT CAST(key AS INTEGER), value FROM json_each(?)',
  ).run(JSON.stringify(shorts))
}

function addToTrigramIndex(db: DatabaseSync, docs: readonly Doc[]): void {
  const insert = statement(db, 'INSERT INTO search_trigram (rowid, body) VALUES (?, ?)')
  for (const doc of docs) if (doc.text !== '') insert.run(doc.key, doc.text)
}

function addToShortIndex(db: DatabaseSync, docs: readonly Doc[]): void {
  const insert = statement(db, 'INSERT INTO search_short (rowid, body) VALUES (?, ?)')
  for (const doc of docs) {
    const text = doc.text === '' ? '' : shortIndexText(doc.text)
    if (text !== '') insert.run(doc.key, text)
  }
}

export function unindexDoc(db: DatabaseSync, key: number, text: string): void {
  if (text === '') return
  statement(
    db,
    `INSERT INTO search_trigram (search_trigram, rowid, body) VALUES ('delete', ?, ?)`,
  ).run(key, text)
  const short = shortIndexText(text)
  if (short === '') return
  statement(db, `INSERT INTO search_short (search_short, rowid, body) VALUES ('delete', ?, ?)`).run(
    key,
    short,
  )
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

/** Every non-empty doc with a key from ?1 to ?2 into the trigram index, in key order (a merge). */
const ADD_RANGE_TO_TRIGRAM_INDEX = `INSERT INTO search_trigram (rowid, body) ${DOC_SOURCES.map(
  ({ table, key, text, where }) =>
    `SELECT ${key}, ${text} FROM ${table} WHERE ${key} BETWEEN ?1 AND ?2 AND ${text} != '' AND ${where}`,
).join(' UNION ALL ')} ORDER BY 1`

/** Empties both indexes and re-adds every title, prompt and finished answer. */
export function rebuildSearchIndex(db: DatabaseSync): void {
  db.exec(`INSERT INTO search_trigram (search_trigram) VALUES ('delete-all')`)
  db.exec(`INSERT INTO search_short (search_short) VALUES ('delete-all')`)
  for (const sql of INDEXED_DOCS) {
    let docs: Doc[] = []
    for (const row of db.prepare(sql).iterate()) {
      docs.push({ key: Number(row.key), text: String(row.text) })
      if (docs.length < 10_000) continue
      indexDocs(db, docs)
      docs = []
    }
    indexDocs(db, docs)
  }
}
