import type { DatabaseSync } from 'node:sqlite'
import { shortIndexText } from './search-text'
import { statement } from './statement-cache'

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

/** A run's answer is searchable once the run is no longer streaming. */
export function isRunIndexed(status: string): boolean {
  return status !== 'streaming'
}

/** Empties both indexes and re-adds every title, prompt and finished answer. */
export function rebuildSearchIndex(db: DatabaseSync): void {
  db.exec(`INSERT INTO search_trigram (search_trigram) VALUES ('delete-all')`)
  db.exec(`INSERT INTO search_short (search_short) VALUES ('delete-all')`)
  for (const row of db
    .prepare('SELECT title_doc AS key, title AS text FROM conversations')
    .iterate())
    indexDoc(db, row.key as number, row.text as string)
  for (const row of db.prepare('SELECT doc AS key, content AS text FROM messages').iterate())
    indexDoc(db, row.key as number, row.text as string)
  const runs = db.prepare(`SELECT doc AS key, answer AS text FROM runs WHERE status <> 'streaming'`)
  for (const row of runs.iterate()) indexDoc(db, row.key as number, row.text as string)
}
