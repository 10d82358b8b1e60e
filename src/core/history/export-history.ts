import type { DatabaseSync } from 'node:sqlite'
import { getConversation } from './conversation-queries'
import type { ConversationDetail } from './history-types'
import {
  HISTORY_FORMAT,
  HISTORY_FORMAT_VERSION,
  type ExportedConversation,
  type ExportedRun,
  type HistoryExport,
} from './history-export-schema'
import { escapeMarkdownBlock, escapeMarkdownInline } from './markdown-escape'
import { statement } from '../database/statement-cache'

export interface ExportOptions {
  /** Only these conversations (default: every conversation, oldest first). */
  conversationIds?: string[]
}

/** The file an export is offered as, named for its format and the day (UTC) it was made. */
export function exportFileName(format: 'json' | 'markdown', date: Date): string {
  const stamp = date.toISOString().slice(0, 10)
  return `parallax-history-${stamp}.${format === 'json' ? 'json' : 'md'}`
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
 * A readable Markdown transcript: every prompt, then every answer to it (siblings included).
 * Stored text is escaped (see markdown-escape.ts): HTML in a title, prompt or answer shows as
 * text in a Markdown viewer instead of running; code blocks keep every character.
 */
export function exportMarkdown(db: DatabaseSync, options: ExportOptions): string {
  const { conversations } = exportHistory(db, options, 0)
  return conversations.map(conversationMarkdown).join('\n\n---\n\n')
}

/** A one-line value (title, tag, model name, error text) escaped for a heading or a list. */
function inline(text: string): string {
  return escapeMarkdownInline(text.replace(/[\r\n]+/g, ' '))
}

function conversationMarkdown(conversation: ExportedConversation): string {
  const lines = [`# ${inline(conversation.title) || 'Untitled'}`, '']
  const facts = [`Mode: ${conversation.mode}`, `Created: ${iso(conversation.createdAt)}`]
  if (conversation.tags.length) facts.push(`Tags: ${conversation.tags.map(inline).join(', ')}`)
  if (conversation.pinned) facts.push('Pinned')
  if (conversation.archived) facts.push('Archived')
  lines.push(`_${facts.join(' · ')}_`)
  const runsByMessage = new Map<string, ExportedRun[]>()
  for (const run of conversation.runs) {
    const list = runsByMessage.get(run.messageId) ?? []
    list.push(run)
    runsByMessage.set(run.messageId, list)
  }
  for (const message of conversation.messages) {
    const who = message.role === 'system' ? 'System prompt' : 'You'
    lines.push(
      '',
      `## ${who} · ${iso(message.createdAt)}`,
      '',
      escapeMarkdownBlock(message.content),
    )
    for (const run of runsByMessage.get(message.id) ?? []) {
      const facts: string[] = [run.status]
      if (run.totalMs !== null) facts.push(`${Math.round(run.totalMs)} ms`)
      if (run.usage.tokensIn !== null || run.usage.tokensOut !== null)
        facts.push(`${run.usage.tokensIn ?? '?'} → ${run.usage.tokensOut ?? '?'} tokens`)
      if (run.costUsd !== null)
        facts.push(`${run.costEstimated ? '~' : ''}$${run.costUsd.toFixed(6)}`)
      lines.push(
        '',
        `### ${inline(run.model)} (${inline(run.provider)}) · ${facts.join(' · ')}`,
        '',
      )
      if (run.reasoning) {
        const reasoning = escapeMarkdownBlock(run.reasoning)
        lines.push('<details><summary>Reasoning</summary>', '', reasoning, '', '</details>', '')
      }
      lines.push(run.answer ? escapeMarkdownBlock(run.answer) : '_(no answer)_')
      if (run.errorMessage) {
        const kind = inline(run.errorKind ?? 'unknown')
        lines.push('', `> Error (${kind}): ${inline(run.errorMessage)}`)
      }
    }
  }
  return lines.join('\n')
}

function iso(time: number): string {
  return new Date(time).toISOString()
}
