import type { DatabaseSync } from 'node:sqlite'
import type { z } from 'zod'
import { redactText } from '../../llm/errors/redact-secrets'
import { nextDocKey } from './doc-keys'
import {
  HistoryExportSchema,
  type ExportedConversation,
  type ExportedMessage,
  type ExportedRun,
  type HistoryExport,
} from './history-export-schema'
import { withoutSecrets } from './run-queries'
import { indexDoc, isRunIndexed } from './search-index'
import { statement, transaction } from './statement-cache'

/** The import file is not a valid history export; `field` names the first bad field. */
export class HistoryImportError extends Error {
  override readonly name = 'HistoryImportError'
  constructor(
    message: string,
    readonly field: string,
    readonly issues: { field: string; message: string }[],
  ) {
    super(message)
  }
}

export interface ImportCounts {
  added: number
  existing: number
}

export interface ImportReport {
  conversations: ImportCounts
  messages: ImportCounts
  runs: ImportCounts
}

/** Validates `input` (a parsed export or its JSON text) and throws a HistoryImportError if bad. */
export function parseHistoryExport(input: unknown): HistoryExport {
  let value = input
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input)
    } catch (error) {
      throw new HistoryImportError(`The file is not JSON: ${(error as Error).message}`, '', [])
    }
  }
  const parsed = HistoryExportSchema.safeParse(value)
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues.slice(0, 20).map((issue) => ({
    field: fieldPath(issue.path),
    message: issue.message,
  }))
  const first = issues[0] ?? { field: '', message: 'invalid' }
  throw new HistoryImportError(
    `Not a valid Parallax history export: ${first.field || '(root)'}: ${first.message}`,
    first.field,
    issues,
  )
}

function fieldPath(path: z.core.$ZodIssue['path']): string {
  let out = ''
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`
  }
  return out
}

/**
 * Adds every conversation, message and run of the export whose id is not in the store yet, in one
 * transaction. Ids are kept, so importing the same export twice adds nothing the second time.
 * New items get doc keys in creation order (so search lists them newest first among themselves;
 * relative to items already in the store they rank as added now). Runs exported while still
 * streaming arrive as `interrupted`.
 */
export function importHistory(db: DatabaseSync, input: unknown): ImportReport {
  const data = parseHistoryExport(input)
  const report: ImportReport = {
    conversations: { added: 0, existing: 0 },
    messages: { added: 0, existing: 0 },
    runs: { added: 0, existing: 0 },
  }
  transaction(db, () => {
    // Parents may come after children in a file; references are checked at commit.
    db.exec('PRAGMA defer_foreign_keys = ON')
    const items: NewItem[] = []
    for (const c of data.conversations) {
      const isNew = !exists(db, 'conversations', c.id)
      count(report.conversations, isNew)
      if (isNew)
        items.push({
          createdAt: c.createdAt,
          order: 0,
          add: (key) => insertConversation(db, c, key),
        })
      for (const m of c.messages) {
        const added = !exists(db, 'messages', m.id)
        count(report.messages, added)
        if (added)
          items.push({
            createdAt: m.createdAt,
            order: 1,
            add: (key) => insertMessage(db, c.id, m, key),
          })
      }
      for (const r of c.runs) {
        const added = !exists(db, 'runs', r.id)
        count(report.runs, added)
        if (added)
          items.push({
            createdAt: r.createdAt,
            order: 2,
            add: (key) => insertRun(db, c.id, r, key),
          })
      }
    }
    items.sort((a, b) => a.createdAt - b.createdAt || a.order - b.order)
    let key = nextDocKey(db)
    for (const item of items) item.add(key++)
  })
  return report
}

interface NewItem {
  createdAt: number
  order: number
  add(key: number): void
}

function count(counts: ImportCounts, added: boolean): void {
  if (added) counts.added++
  else counts.existing++
}

function insertConversation(db: DatabaseSync, c: ExportedConversation, key: number): void {
  statement(
    db,
    `INSERT INTO conversations (id, title, created_at, updated_at, pinned, archived, mode, tags,
       title_doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    c.id,
    c.title,
    c.createdAt,
    c.updatedAt,
    c.pinned ? 1 : 0,
    c.archived ? 1 : 0,
    c.mode,
    JSON.stringify(c.tags),
    key,
  )
  indexDoc(db, key, c.title)
}

function insertMessage(
  db: DatabaseSync,
  conversationId: string,
  m: ExportedMessage,
  key: number,
): void {
  statement(
    db,
    `INSERT INTO messages (doc, id, conversation_id, parent_id, parent_run_id, role, content,
       created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(key, m.id, conversationId, m.parentId, m.parentRunId, m.role, m.content, m.createdAt)
  indexDoc(db, key, m.content)
}

function insertRun(db: DatabaseSync, conversationId: string, r: ExportedRun, key: number): void {
  const status = r.status === 'streaming' ? 'interrupted' : r.status
  statement(
    db,
    `INSERT INTO runs (doc, id, conversation_id, message_id, connection_id, provider, model,
       parameters, system_prompt, answer, reasoning, tool_calls, status, error_kind, error_message,
       tokens_in, tokens_out, tokens_reasoning, tokens_cached, ttft_ms, total_ms,
       tokens_per_second, cost_usd, cost_estimated, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    key,
    r.id,
    conversationId,
    r.messageId,
    r.connectionId,
    r.provider,
    r.model,
    JSON.stringify(withoutSecrets(r.parameters)),
    r.systemPrompt,
    r.answer,
    r.reasoning,
    r.toolCalls === null ? null : JSON.stringify(r.toolCalls),
    status,
    r.errorKind,
    r.errorMessage === null ? null : redactText(r.errorMessage, []),
    r.usage.tokensIn,
    r.usage.tokensOut,
    r.usage.tokensReasoning,
    r.usage.tokensCached,
    r.ttftMs,
    r.totalMs,
    r.tokensPerSecond,
    r.costUsd,
    r.costEstimated ? 1 : 0,
    r.createdAt,
    r.updatedAt,
  )
  if (isRunIndexed(status)) indexDoc(db, key, r.answer)
}

function exists(
  db: DatabaseSync,
  table: 'conversations' | 'messages' | 'runs',
  id: string,
): boolean {
  return statement(db, `SELECT 1 AS found FROM ${table} WHERE id = ?`).get(id) !== undefined
}
