import type { DatabaseSync } from 'node:sqlite'
import { InputError, NotFoundError } from '../errors/domain-errors'
import { nextDocKey } from './doc-keys'
import type {
  Conversation,
  ConversationChanges,
  ConversationDetail,
  ConversationPage,
  ListConversationsOptions,
  NewConversation,
} from './history-types'
import {
  CONVERSATION_COLUMNS,
  MESSAGE_COLUMNS,
  RUN_COLUMNS,
  toConversation,
  toMessage,
  toRun,
} from './row-mappers'
import { indexDoc, isRunIndexed, unindexDoc } from './search-index'
import { statement, transaction } from '../database/statement-cache'
import { newId } from './new-id'

export class HistoryNotFoundError extends NotFoundError {
  override readonly name = 'HistoryNotFoundError'
  constructor(
    readonly what: 'conversation' | 'message' | 'run',
    readonly id: string,
  ) {
    super(`No ${what} with id ${id} in history.`, { field: 'id', code: `${what}_not_found` })
  }
}

export function createConversation(
  db: DatabaseSync,
  input: NewConversation,
  now: number,
): Conversation {
  return transaction(db, () => {
    const createdAt = input.createdAt ?? now
    const key = nextDocKey(db)
    const id = input.id ?? newId(createdAt)
    statement(
      db,
      `INSERT INTO conversations (id, title, created_at, updated_at, pinned, archived, mode, tags,
         title_doc) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)`,
    ).run(
      id,
      input.title,
      createdAt,
      createdAt,
      input.pinned ? 1 : 0,
      input.mode ?? 'chat',
      JSON.stringify(input.tags ?? []),
      key,
    )
    indexDoc(db, key, input.title)
    return getConversationRow(db, id)
  })
}

export function getConversationRow(db: DatabaseSync, id: string): Conversation {
  const row = statement(db, `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE id = ?`).get(
    id,
  )
  if (!row) throw new HistoryNotFoundError('conversation', id)
  return toConversation(row)
}

export function renameConversation(db: DatabaseSync, id: string, title: string): Conversation {
  return transaction(db, () => {
    const row = statement(db, 'SELECT title, title_doc FROM conversations WHERE id = ?').get(id)
    if (!row) throw new HistoryNotFoundError('conversation', id)
    const key = Number(row.title_doc)
    unindexDoc(db, key, String(row.title))
    statement(db, 'UPDATE conversations SET title = ? WHERE id = ?').run(title, id)
    indexDoc(db, key, title)
    return getConversationRow(db, id)
  })
}

export function updateConversationFlags(
  db: DatabaseSync,
  id: string,
  change: { pinned?: boolean; archived?: boolean; tags?: string[] },
): Conversation {
  return transaction(db, () => {
    const current = getConversationRow(db, id)
    statement(db, 'UPDATE conversations SET pinned = ?, archived = ?, tags = ? WHERE id = ?').run(
      (change.pinned ?? current.pinned) ? 1 : 0,
      (change.archived ?? current.archived) ? 1 : 0,
      JSON.stringify(change.tags ?? current.tags),
      id,
    )
    return getConversationRow(db, id)
  })
}

/** Renames, pins, archives and tags a conversation in one transaction: every change, or none. */
export function updateConversation(
  db: DatabaseSync,
  id: string,
  changes: ConversationChanges,
): Conversation {
  return transaction(db, () => {
    let conversation = getConversationRow(db, id)
    if (changes.title !== undefined) conversation = renameConversation(db, id, changes.title)
    const { pinned, archived, tags } = changes
    if (pinned !== undefined || archived !== undefined || tags !== undefined) {
      conversation = updateConversationFlags(db, id, { pinned, archived, tags })
    }
    return conversation
  })
}

/**
 * Deletes every conversation (their messages and runs go with them) and empties the search index,
 * which holds only their titles, prompts and answers, in one transaction. Returns how many.
 * The usage ledger is left as it is: what was spent stays spent (src/core/usage/usage-ledger.ts).
 */
export function clearConversations(db: DatabaseSync): number {
  return transaction(db, () => {
    const { changes } = statement(db, 'DELETE FROM conversations').run()
    statement(db, `INSERT INTO search_trigram (search_trigram) VALUES ('delete-all')`).run()
    statement(db, `INSERT INTO search_short (search_short) VALUES ('delete-all')`).run()
    return Number(changes)
  })
}

/** Deletes a conversation with all its messages and runs, and their search entries (not usage). */
export function deleteConversation(db: DatabaseSync, id: string): boolean {
  return transaction(db, () => {
    const row = statement(db, 'SELECT title, title_doc FROM conversations WHERE id = ?').get(id)
    if (!row) return false
    unindexDoc(db, Number(row.title_doc), String(row.title))
    const messages = statement(db, 'SELECT doc, content FROM messages WHERE conversation_id = ?')
    for (const message of messages.all(id))
      unindexDoc(db, Number(message.doc), String(message.content))
    const runs = statement(db, 'SELECT doc, answer, status FROM runs WHERE conversation_id = ?')
    for (const run of runs.all(id)) {
      if (isRunIndexed(String(run.status))) unindexDoc(db, Number(run.doc), String(run.answer))
    }
    statement(db, 'DELETE FROM conversations WHERE id = ?').run(id)
    return true
  })
}

interface ListCursor {
  pinned: number
  updatedAt: number
  id: string
}

/**
 * Below this many matching conversations a filtered list reads them from the runs indexes and
 * sorts them; at or above it, matches are common enough that walking the list index finds a page
 * quickly.
 */
export const FEW_MATCHES = 500

/** Pinned first, then most recently updated; keyset pagination over one index. */
export function listConversations(
  db: DatabaseSync,
  options: ListConversationsOptions = {},
): ConversationPage {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 500)
  const runs = runFilter(options)
  const plan = runs && countMatches(db, runs, FEW_MATCHES) < FEW_MATCHES ? 'matches' : 'list'
  const { sql, params } = listQuery(options, limit, plan)
  const rows = statement(db, sql).all(...params)
  const items = rows.slice(0, limit).map(toConversation)
  const last = items[items.length - 1]
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor({ pinned: last.pinned ? 1 : 0, updatedAt: last.updatedAt, id: last.id })
      : null
  return { items, nextCursor }
}

/**
 * The list's SQL (one more row than `limit`, to know whether a next page exists). With a provider
 * or model filter, `plan` says how: 'list' walks the list index newest first and looks each
 * conversation up in the runs index (conversation_id, provider, model); 'matches' starts from the
 * conversations the runs indexes (provider, model, …) or (model, …) name, then sorts those few.
 */
export function listQuery(
  options: ListConversationsOptions,
  limit: number,
  plan: 'list' | 'matches' = 'list',
): { sql: string; params: (string | number)[] } {
  const archived = options.archived ?? false
  const cursor = decodeCursor(options.cursor)
  const where: string[] = []
  const params: (string | number)[] = []
  const runs = runFilter(options)
  let from = 'conversations'
  if (runs && plan === 'matches') {
    // CROSS JOIN keeps the matches as the outer loop: SQLite does not reorder it.
    from = `(SELECT DISTINCT conversation_id AS match_id FROM runs WHERE ${runs.sql})
      CROSS JOIN conversations ON conversations.id = match_id`
    params.push(...runs.params)
  }
  if (archived !== 'all') {
    where.push('archived = ?')
    params.push(archived ? 1 : 0)
  }
  if (runs && plan === 'list') {
    where.push(`EXISTS (SELECT 1 FROM runs WHERE runs.conversation_id = conversations.id
      AND ${runs.sql})`)
    params.push(...runs.params)
  }
  if (cursor) {
    where.push('(pinned, updated_at, id) < (?, ?, ?)')
    params.push(cursor.pinned, cursor.updatedAt, cursor.id)
  }
  const sql = `SELECT ${CONVERSATION_COLUMNS} FROM ${from}
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY pinned DESC, updated_at DESC, id DESC LIMIT ${limit + 1}`
  return { sql, params }
}

/** How many conversations have a run passing `runs`, counted up to `cap`. */
function countMatches(db: DatabaseSync, runs: RunFilter, cap: number): number {
  const row = statement(
    db,
    `SELECT count(*) AS n FROM
      (SELECT DISTINCT conversation_id FROM runs WHERE ${runs.sql} LIMIT ${cap})`,
  ).get(...runs.params)
  return Number(row?.n ?? 0)
}

interface RunFilter {
  sql: string
  params: string[]
}

/**
 * A conversation passes when one of its runs used the provider and the model asked for, matched
 * exactly (the ids as stored, case and all: no prefix, no label).
 */
function runFilter(options: ListConversationsOptions): RunFilter | null {
  const parts: string[] = []
  const params: string[] = []
  for (const [column, value] of [
    ['provider', options.provider],
    ['model', options.model],
  ] as const) {
    const values = value === undefined ? [] : Array.isArray(value) ? value : [value]
    if (values.length === 0) continue
    parts.push(`runs.${column} IN (SELECT value FROM json_each(?))`)
    params.push(JSON.stringify(values))
  }
  if (parts.length === 0) return null
  return { sql: parts.join(' AND '), params }
}

function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.pinned, cursor.updatedAt, cursor.id])).toString(
    'base64url',
  )
}

function decodeCursor(cursor: string | null | undefined): ListCursor | null {
  if (!cursor) return null
  try {
    const [pinned, updatedAt, id] = JSON.parse(
      Buffer.from(cursor, 'base64url').toString(),
    ) as unknown[]
    if (typeof pinned === 'number' && typeof updatedAt === 'number' && typeof id === 'string')
      return { pinned, updatedAt, id }
  } catch {
    // fall through
  }
  throw new InputError('Invalid conversation list cursor.', { field: 'cursor', code: 'bad_cursor' })
}

export function getConversation(db: DatabaseSync, id: string): ConversationDetail {
  const conversation = getConversationRow(db, id)
  const messages = statement(
    db,
    `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? ORDER BY created_at, doc`,
  ).all(id)
  const runs = statement(
    db,
    `SELECT ${RUN_COLUMNS} FROM runs WHERE conversation_id = ? ORDER BY created_at, doc`,
  ).all(id)
  return { conversation, messages: messages.map(toMessage), runs: runs.map(toRun) }
}

export function touchConversation(db: DatabaseSync, id: string, time: number): void {
  statement(db, 'UPDATE conversations SET updated_at = max(updated_at, ?) WHERE id = ?').run(
    time,
    id,
  )
}
