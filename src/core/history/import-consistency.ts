import type { DatabaseSync } from 'node:sqlite'
import type { HistoryExport } from './history-export-schema'
import { statement } from '../database/statement-cache'

/** One item of an import that does not fit with the rest of the file or with the store. */
export interface ImportConflict {
  /** Where in the file, e.g. `conversations[2].runs[0].messageId`. */
  field: string
  message: string
}

/**
 * Finds the first item that the database would refuse (or store inconsistently): an id used
 * twice in the file, a run whose prompt is missing, a prompt whose parent prompt or answer is
 * missing, or any of them living in another conversation than the file's. A reference may point
 * into the file or at an item already in the store. Returns null when the file is consistent.
 * Plain loops and maps of conversation indexes: this runs over every item of a bulk import.
 */
export function findImportConflict(db: DatabaseSync, data: HistoryExport): ImportConflict | null {
  const list = data.conversations
  const conversations = new Map<string, number>()
  const messages = new Map<string, number>()
  const runs = new Map<string, number>()
  for (let c = 0; c < list.length; c++) {
    const conversation = list[c] as HistoryExport['conversations'][number]
    if (conversations.has(conversation.id)) {
      return duplicate('Conversation', conversation.id, `conversations[${c}].id`, data)
    }
    conversations.set(conversation.id, c)
    for (let m = 0; m < conversation.messages.length; m++) {
      const id = (conversation.messages[m] as { id: string }).id
      if (messages.has(id))
        return duplicate('Message', id, `conversations[${c}].messages[${m}].id`, data)
      messages.set(id, c)
    }
    for (let r = 0; r < conversation.runs.length; r++) {
      const id = (conversation.runs[r] as { id: string }).id
      if (runs.has(id)) return duplicate('Run', id, `conversations[${c}].runs[${r}].id`, data)
      runs.set(id, c)
    }
  }
  /** The conversation `id` belongs to: in the file if there, else in the store (undefined: none). */
  const ownerOf = (kind: 'message' | 'run', id: string): string | undefined => {
    const index = (kind === 'message' ? messages : runs).get(id)
    if (index !== undefined) return list[index]?.id
    return storedIn(db, kind === 'message' ? 'messages' : 'runs', id)
  }
  const check = (
    conversationId: string,
    kind: 'message' | 'run',
    id: string,
    field: string,
    subject: string,
  ): ImportConflict | null => {
    const owner = ownerOf(kind, id)
    if (owner === conversationId) return null
    const where =
      owner === undefined
        ? 'which is not in the file'
        : `which belongs to another conversation (${owner})`
    return { field, message: `${subject} points at ${kind} ${id}, ${where}.` }
  }
  for (let c = 0; c < list.length; c++) {
    const conversation = list[c] as HistoryExport['conversations'][number]
    const own = conversation.id
    for (let m = 0; m < conversation.messages.length; m++) {
      const message = conversation.messages[
        m
      ] as HistoryExport['conversations'][number]['messages'][number]
      const at = (name: string) => `conversations[${c}].messages[${m}].${name}`
      const conflict =
        (message.parentId === null || messages.get(message.parentId) === c
          ? null
          : check(own, 'message', message.parentId, at('parentId'), `Message ${message.id}`)) ??
        (message.parentRunId === null || runs.get(message.parentRunId) === c
          ? null
          : check(own, 'run', message.parentRunId, at('parentRunId'), `Message ${message.id}`))
      if (conflict) return conflict
    }
    for (let r = 0; r < conversation.runs.length; r++) {
      const run = conversation.runs[r] as HistoryExport['conversations'][number]['runs'][number]
      if (messages.get(run.messageId) === c) continue
      const field = `conversations[${c}].runs[${r}].messageId`
      const conflict = check(own, 'message', run.messageId, field, `Run ${run.id}`)
      if (conflict) return conflict
    }
  }
  return null
}

/**
 * For an item the import did not add because its id is already stored: a conflict when the
 * stored one belongs to another conversation (the file's references would then cross over).
 */
export function storedElsewhere(
  db: DatabaseSync,
  table: 'messages' | 'runs',
  id: string,
  conversationId: string,
  field: string,
): ImportConflict | null {
  const owner = storedIn(db, table, id)
  if (owner === undefined || owner === conversationId) return null
  const kind = table === 'messages' ? 'Message' : 'Run'
  return {
    field: `${field}.id`,
    message: `${kind} ${id} is already saved in another conversation (${owner}).`,
  }
}

function storedIn(db: DatabaseSync, table: 'messages' | 'runs', id: string): string | undefined {
  const row = statement(db, `SELECT conversation_id FROM ${table} WHERE id = ?`).get(id)
  return row === undefined ? undefined : String(row.conversation_id)
}

function duplicate(kind: string, id: string, field: string, data: HistoryExport): ImportConflict {
  return {
    field,
    message: `${kind} ${id} appears twice in the file (first at ${firstPlace(kind, id, data)}).`,
  }
}

/** Where `id` first appears (only computed for the error message). */
function firstPlace(kind: string, id: string, data: HistoryExport): string {
  for (const [c, conversation] of data.conversations.entries()) {
    if (kind === 'Conversation' && conversation.id === id) return `conversations[${c}]`
    const items =
      kind === 'Message' ? conversation.messages : kind === 'Run' ? conversation.runs : []
    const index = items.findIndex((item) => item.id === id)
    if (index >= 0)
      return `conversations[${c}].${kind === 'Message' ? 'messages' : 'runs'}[${index}]`
  }
  return 'an earlier item'
}
