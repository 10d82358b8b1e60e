import type { DatabaseSync, StatementSync } from 'node:sqlite'
import { InputError } from '../errors/domain-errors'
import { foldText, matchesFolded } from './fold-text'
import type { RunStatus } from './history-types'
import { awaitsSearchRebuild } from './search-rebuild-state'
import { settleSearchIndex } from './search-index'
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
  /**
   * `conversation`: one hit per conversation (its best match, with `matches` counting every
   * match in it and `more` holding up to two further ones); `limit` then counts conversations.
   */
  group?: 'conversation'
}

/** One matching title, prompt or answer. */
export interface SearchMatch {
  kind: SearchHitKind
  messageId: string | null
  runId: string | null
  provider: string | null
  model: string | null
  status: RunStatus | null
  createdAt: number
  snippet: Snippet
}

export interface SearchHit extends SearchMatch {
  conversationId: string
  conversationTitle: string
  /** Grouped search only: how many titles, prompts and answers of the conversation match. */
  matches?: number
  /** Grouped search only: the next best matches of the conversation (at most two). */
  more?: SearchMatch[]
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
  settleSearchIndex(db) // an import's entries still being written are waited for
  const started = performance.now()
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 100)
  const terms = parseQuery(options.query, options.match)
  const driver = pickDriver(terms)
  if (!driver) return { hits: [], nextCursor: null, partial: false }
  const candidates = statement(
    db,
    `SELECT rowid AS key FROM ${driver.table} WHERE ${driver.table} MATCH ?
       AND rowid < ? ORDER BY rowid DESC LIMIT ?`,
  )
  const search: PageSearch = {
    db,
    options,
    limit,
    patterns: terms.map((term) => term.pattern),
    kinds: new Set<SearchHitKind>(options.kinds ?? ['title', 'prompt', 'answer']),
    filter: runFilter(options),
    hits: [],
  }
  let upper = decodeCursor(options.cursor) ?? Number.MAX_SAFE_INTEGER
  const take = options.group === 'conversation' ? takeConversations(search) : takeHits(search)
  const { hits } = search
  let batch = FIRST_BATCH
  while (true) {
    const keys = candidates.all(driver.match, upper, batch).map((row) => Number(row.key))
    if (keys.length === 0) return { hits, nextCursor: null, partial: false }
    const full = take(keys)
    if (full !== null) return { hits, nextCursor: encodeCursor(full), partial: false }
    upper = keys[keys.length - 1] as number
    if (keys.length < batch) return { hits, nextCursor: null, partial: false }
    if (performance.now() - started > (options.budgetMs ?? 200))
      return { hits, nextCursor: encodeCursor(upper), partial: true }
    batch = Math.min(batch * 4, MAX_BATCH)
  }
}

/** One page's search: what it looks for, and the hits so far. */
interface PageSearch {
  db: DatabaseSync
  options: SearchOptions
  limit: number
  patterns: RegExp[]
  kinds: Set<SearchHitKind>
  filter: { sql: string; params: string[] }
  hits: SearchHit[]
}

/** Takes a batch of candidate keys (newest first); returns the key that filled the page, if one did. */
type Take = (keys: number[]) => number | null

/** One hit per matching title, prompt or answer. */
function takeHits(search: PageSearch): Take {
  const { db, options, kinds, patterns, filter, hits, limit } = search
  const resolve = statement(db, resolveSql(filter.sql, 'keys'))
  return (keys) => {
    const rows = new Map<number, Candidate>()
    for (const row of resolve.all(JSON.stringify(keys), ...filter.params)) {
      const candidate = row as unknown as Candidate
      rows.set(Number(candidate.key), candidate)
    }
    for (const key of keys) {
      const row = rows.get(key)
      // The patterns are made from the folded query, so they are tried on the folded text.
      if (!row || !accepts(row, options, kinds) || !matchesFolded(row.text, patterns)) continue
      hits.push(toHit(row, patterns))
      if (hits.length === limit) return key
    }
    return null
  }
}

/**
 * One hit per conversation, placed at its newest match. A candidate key only names its
 * conversation here; `conversationHit` then checks all of that conversation at once. The page is
 * the conversations whose newest match is below the cursor: one whose newest match is at or above
 * it was on an earlier page; one whose newest match is further down (this candidate was only a
 * candidate) waits until the walk gets there, so the order and the pages stay exact.
 */
function takeConversations(search: PageSearch): Take {
  const { db, hits, limit } = search
  const owners = statement(db, OWNERS_SQL)
  const docs = statement(db, resolveSql(search.filter.sql, 'conversation'))
  const done = new Set<string>()
  const waiting = new Map<string, ConversationHit>()
  return (keys) => {
    const ownerOf = new Map<number, string>()
    for (const row of owners.all(JSON.stringify(keys)))
      ownerOf.set(Number(row.key), String(row.conversation_id))
    for (const key of keys) {
      const id = ownerOf.get(key)
      if (id === undefined || done.has(id)) continue
      let group = waiting.get(id)
      if (!group) {
        const found = conversationHit(search, docs, id)
        if (!found || found.newest > key) {
          done.add(id)
          continue
        }
        group = found
      }
      if (group.newest < key) {
        waiting.set(id, group)
        continue
      }
      done.add(id)
      waiting.delete(id)
      hits.push(group.hit)
      if (hits.length === limit) return key
    }
    return null
  }
}

/** The conversation each candidate key belongs to (no text read). */
const OWNERS_SQL = `
  SELECT m.doc AS key, m.conversation_id FROM messages m
    WHERE m.doc IN (SELECT value FROM json_each(?1))
  UNION ALL
  SELECT r.doc, r.conversation_id FROM runs r WHERE r.doc IN (SELECT value FROM json_each(?1))
  UNION ALL
  SELECT c.title_doc, c.id FROM conversations c
    WHERE c.title_doc IN (SELECT value FROM json_each(?1))`

function pickDriver(terms: SearchTerm[]): { table: string; match: string } | null {
  const trigram = terms.filter((term) => term.kind === 'trigram')
  if (trigram.length > 0)
    return { table: 'search_trigram', match: trigram.map((t) => `(${t.match})`).join(' AND ') }
  const short = terms.filter((term) => term.kind === 'short')
  if (short.length > 0)
    return { table: 'search_short', match: short.map((t) => `(${t.match})`).join(' AND ') }
  return null
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
    ...toMatch(row, patterns),
    conversationId: row.conversation_id,
    conversationTitle: row.title,
  }
}

function toMatch(row: Candidate, patterns: RegExp[]): SearchMatch {
  return {
    kind: row.kind,
    messageId: row.message_id,
    runId: row.run_id,
    provider: row.provider,
    model: row.model,
    status: row.status,
    createdAt: row.created_at,
    snippet: buildSnippet(row.text, patterns),
  }
}

interface ConversationHit {
  hit: SearchHit
  /** The key of its newest match. */
  newest: number
}

const MORE_MATCHES = 2

/**
 * A conversation as one hit: every title, prompt and answer of it is checked with the same
 * filters and words (the same check as for a single hit, so the count is exact), the best match
 * leads and two more follow. Null when nothing in it matches.
 */
function conversationHit(
  search: PageSearch,
  docs: StatementSync,
  conversationId: string,
): ConversationHit | null {
  const { options, kinds, patterns } = search
  const found: { row: Candidate; score: number }[] = []
  let newest = -1
  for (const raw of docs.all(conversationId, ...search.filter.params)) {
    const row = raw as unknown as Candidate
    if (!accepts(row, options, kinds)) continue
    const score = matchScore(row.text, patterns)
    if (score === 0) continue
    found.push({ row, score })
    // Where the walk meets it: its newest match the index holds (a rebuild may not be there yet).
    const key = Number(row.key)
    if (key > newest && !awaitsSearchRebuild(search.db, key)) newest = key
  }
  // The best match has the most occurrences; a title (shown as the row's heading) comes last.
  found.sort(
    (a, b) =>
      Number(a.row.kind === 'title') - Number(b.row.kind === 'title') ||
      b.score - a.score ||
      Number(b.row.key) - Number(a.row.key),
  )
  const best = found[0]?.row
  if (!best || newest < 0) return null
  const hit = {
    ...toHit(best, patterns),
    matches: found.length,
    more: found.slice(1, 1 + MORE_MATCHES).map(({ row }) => toMatch(row, patterns)),
  }
  return { hit, newest }
}

const SCORE_CAP = 100

/**
 * How often the words occur in `text` (capped), or 0 unless every one does. The patterns are made
 * from the folded query, so they are tried on the folded text.
 */
function matchScore(text: string, patterns: RegExp[]): number {
  const folded = foldText(text)
  let count = 0
  for (const pattern of patterns) {
    pattern.lastIndex = 0
    if (!pattern.test(folded)) return 0
    count++
    while (count < SCORE_CAP && pattern.exec(folded) !== null) count++
  }
  return count
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
function resolveSql(filter: string, scope: 'keys' | 'conversation'): string {
  const keys = 'SELECT value FROM json_each(?1)'
  // `keys`: the candidates named by ?1; `conversation`: every searchable item of conversation ?1.
  const where =
    scope === 'keys'
      ? {
          message: `m.doc IN (${keys})`,
          run: `r.doc IN (${keys})`,
          title: `c.title_doc IN (${keys})`,
        }
      : {
          message: 'm.conversation_id = ?1',
          run: `r.conversation_id = ?1 AND r.status NOT IN ('queued', 'streaming')`,
          title: 'c.id = ?1',
        }
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
    FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE ${where.message}
    UNION ALL
    SELECT r.doc, 'answer', r.message_id, r.id, r.conversation_id, c.title, c.archived, r.answer,
      r.created_at, r.provider, r.model, r.status, ${onRun}
    FROM runs r JOIN conversations c ON c.id = r.conversation_id WHERE ${where.run}
    UNION ALL
    SELECT c.title_doc, 'title', NULL, NULL, c.id, c.title, c.archived, c.title, c.created_at,
      NULL, NULL, NULL, ${onTitleSql}
    FROM conversations c WHERE ${where.title}`
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
