import type { DatabaseSync } from 'node:sqlite'
import { getConversation } from './conversation-queries'
import type { ConversationDetail } from './history-types'
import {
  HISTORY_FORMAT,
  HISTORY_FORMAT_VERSION,
  type ExportedConversation,
  type HistoryExport,
} from './history-export-schema'
import { conversationMarkdown } from './markdown-transcript'
import { statement } from '../database/statement-cache'

export interface ExportOptions {
  /** Only these conversations (default: every conversation, oldest first). */
  conversationIds?: string[]
}

/** The lossless JSON export (an object; `JSON.stringify` it to write a file). */
export function exportHistory(
  db: DatabaseSync,
  options: ExportOptions,
  now: number,
): HistoryExport {
  const ids =
    options.conversationIds ??
    statement(db, 'SELECT id FROM conversations ORDER BY created_at, id')
      .all()
      .map((row) => String(row.id))
  return {
    format: HISTORY_FORMAT,
    version: HISTORY_FORMAT_VERSION,
    exportedAt: now,
    conversations: ids.map((id) => toExported(getConversation(db, id))),
  }
}

function toExported(detail: ConversationDetail): ExportedConversation {
  return {
    ...detail.conversation,
    messages: detail.messages.map(({ conversationId: _, attachments, ...message }) =>
      attachments.length > 0 ? { ...message, attachments } : message,
    ),
    runs: detail.runs.map(({ conversationId: _, ...run }) => run),
  }
}

/**
 * A readable Markdown transcript of each conversation (see markdown-transcript.ts). Stored text
 * is escaped (see markdown-escape.ts): HTML in a title, prompt or answer shows as text in a
 * Markdown viewer instead of running; code blocks keep every character.
 */
export function exportMarkdown(db: DatabaseSync, options: ExportOptions): string {
  const { conversations } = exportHistory(db, options, 0)
  const labels = new Map(
    statement(db, 'SELECT id, label FROM connections')
      .all()
      .map((row) => [String(row.id), String(row.label)]),
  )
  return conversations
    .map((conversation) => conversationMarkdown(conversation, labels))
    .join('\n\n---\n\n')
}
