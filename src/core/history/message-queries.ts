import type { DatabaseSync } from 'node:sqlite'
import { InputError } from '../errors/domain-errors'
import { getConversationRow, HistoryNotFoundError, touchConversation } from './conversation-queries'
import { nextDocKey } from './doc-keys'
import type { Message, NewMessage } from './history-types'
import { newId } from './new-id'
import { MESSAGE_COLUMNS, toMessage } from './row-mappers'
import { indexDoc } from './search-index'
import { statement, transaction } from '../database/statement-cache'

/**
 * Adds a prompt (or system prompt). Messages are never edited in place: an edited prompt is a new
 * message with the same parent, so the earlier one stays as a sibling branch.
 */
export function addMessage(db: DatabaseSync, input: NewMessage, now: number): Message {
  return transaction(db, () => {
    getConversationRow(db, input.conversationId)
    if (input.parentId) {
      const parent = getMessage(db, input.parentId)
      if (parent.conversationId !== input.conversationId)
        throw new InputError(`Parent message ${input.parentId} belongs to another conversation.`, {
          code: 'parent_elsewhere',
        })
    }
    const createdAt = input.createdAt ?? now
    const key = nextDocKey(db)
    const id = input.id ?? newId(createdAt)
    statement(
      db,
      `INSERT INTO messages (doc, id, conversation_id, parent_id, parent_run_id, role, content,
         attachments, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      key,
      id,
      input.conversationId,
      input.parentId ?? null,
      input.parentRunId ?? null,
      input.role ?? 'user',
      input.content,
      input.attachments?.length ? JSON.stringify(input.attachments) : null,
      createdAt,
    )
    indexDoc(db, key, input.content)
    touchConversation(db, input.conversationId, createdAt)
    return getMessage(db, id)
  })
}

export function getMessage(db: DatabaseSync, id: string): Message {
  const row = statement(db, `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE id = ?`).get(id)
  if (!row) throw new HistoryNotFoundError('message', id)
  return toMessage(row)
}
