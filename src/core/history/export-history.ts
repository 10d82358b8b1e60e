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
import { markdownLabels, type MarkdownLabels } from '../../shared/markdown-labels'

export interface ExportOptions {
  /** Only these conversations (default: every conversation, oldest first). */
  conversationIds?: string[]
  /** Markdown: the words of the transcript, e.g. in the UI's language (English by default). */
  labels?: Partial<MarkdownLabels>
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
  const words = markdownLabels(options.labels)
  const connections = new Map(
    statement(db, 'SELECT id, label FROM connections')
      .all()
      .map((row) => [String(row.id), String(row.label)]),
  )
  return conversations
    .map((conversation) => conversationMarkdown(conversation, connections, words))
    .join('\n\n---\n\n')
}
