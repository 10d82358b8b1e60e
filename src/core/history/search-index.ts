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

const INDEXED_DOCS = [
  'SELECT title_doc AS key, title AS text FROM conversations ORDER BY title_doc',
  'SELECT doc AS key, content AS text FROM messages ORDER BY doc',
  `SELECT doc AS key, answer AS text FROM runs WHERE status NOT IN ('queued', 'streaming')
   ORDER BY doc`,
]

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
