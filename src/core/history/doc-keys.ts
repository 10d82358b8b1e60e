import type { DatabaseSync } from 'node:sqlite'
import { statement } from '../database/statement-cache'

/**
 * Every searchable item (a conversation title, a prompt, an answer) has a doc key: the primary key
 * of its row and its row id in both search indexes. Keys are handed out in sequence, so they
 * follow creation order and "newest first" is a descending walk of the index that stops after one
 * page. Sequential keys keep the index small: FTS5 stores key deltas as varints, and a delta of
 * a few units takes one byte where time-based keys took three (measured: 2.5× the index size).
 */
export function nextDocKey(db: DatabaseSync): number {
  const row = statement(
    db,
    `SELECT max(
       coalesce((SELECT max(doc) FROM messages), 0),
       coalesce((SELECT max(doc) FROM runs), 0),
       coalesce((SELECT max(title_doc) FROM conversations), 0)) + 1 AS next`,
  ).get() as { next: number }
  return Number(row.next)
}
