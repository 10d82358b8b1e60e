import type { DatabaseSync } from 'node:sqlite'
import type { z } from 'zod'
import { redactText } from '@parallax/llm'
import { nextDocKey } from './doc-keys'
import {
  HISTORY_FORMAT,
  HISTORY_FORMAT_VERSION,
  HistoryExportSchema,
  type ExportedConversation,
  type ExportedMessage,
  type ExportedRun,
  type HistoryExport,
} from './history-export-schema'
import { findImportConflict, storedElsewhere, type ImportConflict } from './import-consistency'
import { withoutSecrets } from './run-queries'
import { importIndexSink, IMPORT_PART_ITEMS, type ImportIndexSink } from './import-index-sink'
import { isRunIndexed, type Doc } from './search-index'
import { statement, transaction } from '../database/statement-cache'
import type { HostErrorCode } from '../../shared/error-codes'

type ImportErrorCode = Extract<
  HostErrorCode,
  'import_not_json' | 'import_invalid' | 'import_newer_format' | 'import_conflict'
>

/** The import file is not a valid history export; `field` names the first bad field. */
export class HistoryImportError extends Error {
  override readonly name = 'HistoryImportError'
  constructor(
    message: string,
    readonly field: string,
    readonly issues: { field: string; message: string }[],
    /** Why, for a screen to word (src/shared/error-codes.ts), with what its sentence names. */
    readonly code: ImportErrorCode = 'import_invalid',
    readonly details: Record<string, string> = {},
  ) {
    super(message)
  }

  static of(conflict: ImportConflict): HistoryImportError {
    return new HistoryImportError(conflict.message, conflict.field, [conflict], 'import_conflict', {
      field: conflict.field,
    })
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
      const message = `The file is not JSON: ${(error as Error).message}`
      throw new HistoryImportError(message, '', [], 'import_not_json')
    }
  }
  refuseNewerFormat(value)
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
    'import_invalid',
    { field: first.field },
  )
}

/** A file from a newer Parallax says so, rather than "expected 1". */
function refuseNewerFormat(value: unknown): void {
  const { format, version } = (value ?? {}) as { format?: unknown; version?: unknown }
  if (format !== HISTORY_FORMAT || typeof version !== 'number') return
  if (version <= HISTORY_FORMAT_VERSION) return
  throw new HistoryImportError(
    `The file was written by a newer Parallax (history format version ${version}); this ` +
      `version reads version ${HISTORY_FORMAT_VERSION}. Update Parallax to import it.`,
    'version',
    [],
    'import_newer_format',
    { version: String(version), supported: String(HISTORY_FORMAT_VERSION) },
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
 * queued or streaming arrive as `interrupted`.
 */
export function importHistory(db: DatabaseSync, input: unknown): ImportReport {
  const data = parseHistoryExport(input)
  const report: ImportReport = {
    conversations: { added: 0, existing: 0 },
    messages: { added: 0, existing: 0 },
    runs: { added: 0, existing: 0 },
  }
  const index = importIndexSink(db)
  let committed = false
  try {
    importRows(db, data, report, index)
    committed = true
  } finally {
    index.settle(committed)
  }
  return report
}

/** The rows of `data` not in the store yet, in one transaction, their docs into `index`. */
function importRows(
  db: DatabaseSync,
  data: HistoryExport,
  report: ImportReport,
  index: ImportIndexSink,
): void {
  transaction(db, () => {
    // Every reference is checked here, so the database's own checks never refuse the file with
    // a message that names no item. Nothing is written before this passes.
    const conflict = findImportConflict(db, data)
    if (conflict) throw HistoryImportError.of(conflict)
    // Parents may come after children in a file; references are checked at commit.
    db.exec('PRAGMA defer_foreign_keys = ON')
    const items: Item[] = []
    for (const [ci, c] of data.conversations.entries()) {
      items.push({
        id: c.id,
        createdAt: c.createdAt,
        order: 0,
        counts: report.conversations,
        text: c.title,
        add: (key) => insertConversation(db, c, key),
      })
      for (const [mi, m] of c.messages.entries())
        items.push({
          id: m.id,
          createdAt: m.createdAt,
          order: 1,
          counts: report.messages,
          text: m.content,
          add: (key) => insertMessage(db, c.id, m, key),
          elsewhere: () =>
            storedElsewhere(db, 'messages', m.id, c.id, `conversations[${ci}].messages[${mi}]`),
        })
      for (const [ri, r] of c.runs.entries())
        items.push({
          id: r.id,
          createdAt: r.createdAt,
          order: 2,
          counts: report.runs,
          text: isRunIndexed(importedStatus(r)) ? r.answer : null,
          add: (key) => insertRun(db, c.id, r, key),
          elsewhere: () =>
            storedElsewhere(db, 'runs', r.id, c.id, `conversations[${ci}].runs[${ri}]`),
        })
    }
    items.sort((a, b) => a.createdAt - b.createdAt || a.order - b.order)
    // Doc keys follow creation order; an item whose id is already in the store inserts nothing
    // and leaves its key unused. Rows go in by id, so each id index (random UUIDs) is walked once
    // in order instead of at random: at a million rows those indexes no longer fit the cache.
    const first = nextDocKey(db)
    const keyed = items.map((item, index) => ({ item, key: first + index }))
    keyed.sort((a, b) => a.item.order - b.item.order || compareIds(a.item.id, b.item.id))
    for (let start = 0; start < keyed.length; start += IMPORT_PART_ITEMS) {
      const docs: Doc[] = []
      for (const { item, key } of keyed.slice(start, start + IMPORT_PART_ITEMS)) {
        const added = item.add(key)
        const clash = added ? null : (item.elsewhere?.() ?? null)
        if (clash) throw HistoryImportError.of(clash)
        count(item.counts, added)
        if (added && item.text !== null) docs.push({ key, text: item.text })
      }
      index.add(docs)
    }
    index.finish()
  })
}

interface Item {
  id: string
  createdAt: number
  order: number
  counts: ImportCounts
  /** The text to index once added (null: none). */
  text: string | null
  /** Inserts the row under doc key `key` unless its id is in the store; true when inserted. */
  add(key: number): boolean
  /** For an id already stored: a conflict when it is stored in another conversation. */
  elsewhere?: () => ImportConflict | null
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function count(counts: ImportCounts, added: boolean): void {
  if (added) counts.added++
  else counts.existing++
}

function insertConversation(db: DatabaseSync, c: ExportedConversation, key: number): boolean {
  return inserted(
    statement(
      db,
      `INSERT INTO conversations (id, title, created_at, updated_at, pinned, archived, mode, tags,
       title_doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
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
    ),
  )
}

function insertMessage(
  db: DatabaseSync,
  conversationId: string,
  m: ExportedMessage,
  key: number,
): boolean {
  return inserted(
    statement(
      db,
      `INSERT INTO messages (doc, id, conversation_id, parent_id, parent_run_id, role, content,
       created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    ).run(key, m.id, conversationId, m.parentId, m.parentRunId, m.role, m.content, m.createdAt),
  )
}

function insertRun(db: DatabaseSync, conversationId: string, r: ExportedRun, key: number): boolean {
  return inserted(
    statement(
      db,
      `INSERT INTO runs (doc, id, conversation_id, message_id, connection_id, provider, model,
       parameters, system_prompt, answer, reasoning, tool_calls, status, error_kind, error_message,
       tokens_in, tokens_out, tokens_reasoning, tokens_cached, ttft_ms, total_ms,
       queue_wait_ms, retry_wait_ms, tokens_per_second, cost_usd, cost_estimated, created_at,
       updated_at, reasoning_details)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO NOTHING`,
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
      importedStatus(r),
      r.errorKind,
      r.errorMessage === null ? null : redactText(r.errorMessage, []),
      r.usage.tokensIn,
      r.usage.tokensOut,
      r.usage.tokensReasoning,
      r.usage.tokensCached,
      r.ttftMs,
      r.totalMs,
      r.queueWaitMs ?? null,
      r.retryWaitMs ?? null,
      r.tokensPerSecond,
      r.costUsd,
      r.costEstimated ? 1 : 0,
      r.createdAt,
      r.updatedAt,
      r.reasoningDetails?.length ? JSON.stringify(r.reasoningDetails) : null,
    ),
  )
}

/** Runs exported while still queued or streaming arrive as `interrupted`. */
function importedStatus(r: ExportedRun): string {
  return r.status === 'streaming' || r.status === 'queued' ? 'interrupted' : r.status
}

function inserted(result: { changes: number | bigint }): boolean {
  return Number(result.changes) === 1
}
