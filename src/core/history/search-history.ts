import type { DatabaseSync } from 'node:sqlite'
import { InputError } from '../errors/domain-errors'
import type { RunStatus } from './history-types'
import { parseQuery, type MatchMode, type SearchTerm } from './search-text'
import { buildSnippet, type Snippet } from './snippet'
import { statement } from '../database/statement-cache'

export type SearchHitKind = 'title' | 'prompt' | 'answer'

export interface SearchOptions {
  /** Plain text; never parsed as FTS syntax. Words must all appear (or the whole phrase). */
  query: string
  match?: MatchMode
  provider?: string | string[]
  model?: string | string[]
  status?: RunStatus | RunStatus[]
  /** Inclusive creation-time bounds, ms since epoch (checked per candidate). */
  from?: number
  to?: number
  kinds?: SearchHitKind[]
  /** Archived conversations are searched unless this is false. */
  includeArchived?: boolean
  /** Page size, default 20, at most 100. */
  limit?: number
  /** `nextCursor` of the previous page. */
  cursor?: string | null
  /** Work budget per page (default 200 ms): past it, the page returns early with a cursor. */
  budgetMs?: number
}

export interface SearchHit {
  kind: SearchHitKind
  conversationId: string
  conversationTitle: string
  messageId: string | null
  runId: string | null
  provider: string | null
  model: string | null
  status: RunStatus | null
  createdAt: number
  snippet: Snippet
}

export interface SearchPage {
  /** Newest first: descending doc key, i.e. the order items were created (or imported). */
  hits: SearchHit[]
  /** Pass back as `cursor` for more; null when nothing older can match. */
  nextCursor: string | null
  /** True when the page stopped at `budgetMs` before it was full (more may follow). */
  partial: boolean
}

interface Candidate {
  key: number
  kind: SearchHitKind
  message_id: string | null
  run_id: string | null
  conversation_id: string
  title: string
  archived: number
  text: string
  created_at: number
  provider: string | null
  model: string | null
  status: RunStatus | null
  run_match: number
}

const FIRST_BATCH = 40
const MAX_BATCH = 2000

export function searchHistory(db: DatabaseSync, options: SearchOptions): SearchPage {
  const started = performance.now()
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 100)
  const terms = parseQuery(options.query, options.match)
  const driver = pickDriver(terms)
  if (!driver) return { hits: [], nextCursor: null, partial: false }
  const filter = runFilter(options)
  const resolve = statement(db, resolveSql(filter.sql))
  const candidates = statement(
    db,
    `SELECT rowid AS key FROM ${driver.table} WHERE ${driver.table} MATCH ?
       AND rowid < ? ORDER BY rowid DESC LIMIT ?`,
  )
  const patterns = terms.map((term) => term.pattern)
  const kinds = new Set<SearchHitKind>(options.kinds ?? ['title', 'prompt', 'answer'])
  let upper = decodeCursor(options.cursor) ?? Number.MAX_SAFE_INTEGER
  const hits: SearchHit[] = []
  let batch = FIRST_BATCH
  while (true) {
    const keys = candidates.all(driver.match, upper, batch).map((row) => Number(row.key))
    if (keys.length === 0) return { hits, nextCursor: null, partial: false }
    const rows = new Map<number, Candidate>()
    for (const row of resolve.all(JSON.stringify(keys), ...filter.params)) {
      const candidate = row as unknown as Candidate
      rows.set(Number(candidate.key), candidate)
    }
    for (const key of keys) {
      const row = rows.get(key)
      if (!row || !accepts(row, options, kinds) || !patterns.every((p) => matches(p, row.text)))
        continue
      hits.push(toHit(row, patterns))
      if (hits.length === limit) return { hits, nextCursor: encodeCursor(key), partial: false }
    }
    upper = keys[keys.length - 1] as number
    if (keys.length < batch) return { hits, nextCursor: null, partial: false }
    if (performance.now() - started > (options.budgetMs ?? 200))
      return { hits, nextCursor: encodeCursor(upper), partial: true }
    batch = Math.min(batch * 4, MAX_BATCH)
  }
}

function pickDriver(terms: SearchTerm[]): { table: string; match: string } | null {
  const trigram = terms.filter((term) => term.kind === 'trigram')
  if (trigram.length > 0)
    return { table: 'search_trigram', match: trigram.map((t) => `(${t.match})`).join(' AND ') }
  const short = terms.filter((term) => term.kind === 'short')
  if (short.length > 0)
    return { table: 'search_short', match: short.map((t) => `(${t.match})`).join(' AND ') }
  return null
}

function matches(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0
  return pattern.test(text)
}

function accepts(row: Candidate, options: SearchOptions, kinds: Set<SearchHitKind>): boolean {
  if (!kinds.has(row.kind) || row.run_match !== 1) return false
  if (options.includeArchived === false && row.archived === 1) return false
  if (options.from !== undefined && row.created_at < options.from) return false
  if (options.to !== undefined && row.created_at > options.to) return false
  return true
}

function toHit(row: Candidate, patterns: RegExp[]): SearchHit {
  return {
    kind: row.kind,
    conversationId: row.conversation_id,
    conversationTitle: row.title,
    messageId: row.message_id,
    runId: row.run_id,
    provider: row.provider,
    model: row.model,
    status: row.status,
    createdAt: row.created_at,
    snippet: buildSnippet(row.text, patterns),
  }
}

/** SQL deciding whether a run `r` passes the provider/model/status filters. */
function runFilter(options: SearchOptions): { sql: string; params: string[] } {
  const parts: string[] = []
  const params: string[] = []
  for (const [column, value] of [
    ['provider', options.provider],
    ['model', options.model],
    ['status', options.status],
  ] as const) {
    if (value === undefined) continue
    parts.push(`r.${column} IN (SELECT value FROM json_each(?))`)
    params.push(JSON.stringify(Array.isArray(value) ? value : [value]))
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params }
}

/**
 * Turns candidate keys into rows. A prompt passes the run filters when one of its runs does, a
 * title when one of its conversation's runs does; with no filters everything passes.
 */
function resolveSql(filter: string): string {
  const keys = 'SELECT value FROM json_each(?1)'
  const noFilter = filter === '1'
  const onMessage = noFilter
    ? '1'
    : `EXISTS (SELECT 1 FROM runs r WHERE r.message_id = m.id AND ${filter})`
  const onTitle = noFilter
    ? '1'
    : `EXISTS (SELECT 1 FROM runs r WHERE r.conversation_id = c.id AND ${filter})`
  // Filter parameters are numbered after ?1 and reused by every branch.
  let n = 1
  const numbered = (sql: string) => sql.replace(/\?(?!\d)/g, () => `?${++n}`)
  const onRun = numbered(filter)
  n = 1
  const onMessageSql = numbered(onMessage)
  n = 1
  const onTitleSql = numbered(onTitle)
  return `
    SELECT m.doc AS key, 'prompt' AS kind, m.id AS message_id, NULL AS run_id,
      m.conversation_id, c.title, c.archived, m.content AS text, m.created_at,
      NULL AS provider, NULL AS model, NULL AS status, ${onMessageSql} AS run_match
    FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.doc IN (${keys})
    UNION ALL
    SELECT r.doc, 'answer', r.message_id, r.id, r.conversation_id, c.title, c.archived, r.answer,
      r.created_at, r.provider, r.model, r.status, ${onRun}
    FROM runs r JOIN conversations c ON c.id = r.conversation_id WHERE r.doc IN (${keys})
    UNION ALL
    SELECT c.title_doc, 'title', NULL, NULL, c.id, c.title, c.archived, c.title, c.created_at,
      NULL, NULL, NULL, ${onTitleSql}
    FROM conversations c WHERE c.title_doc IN (${keys})`
}

function encodeCursor(key: number): string {
  return `k${key.toString(36)}`
}

function decodeCursor(cursor: string | null | undefined): number | null {
  if (!cursor) return null
  const key = /^k([0-9a-z]+)$/.exec(cursor)
  if (!key?.[1])
    throw new InputError('Invalid search cursor.', { field: 'cursor', code: 'bad_cursor' })
  return parseInt(key[1], 36)
}
