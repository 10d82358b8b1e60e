import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { transaction } from '../database/statement-cache'
import { listQuery } from './conversation-queries'
import { openHistoryStore, type OpenedHistoryStore } from './open-history-store'
import { rebuildSearchStep, scheduleSearchRebuild } from './search-rebuild'

let dir: string
let store: OpenedHistoryStore
let clock = Date.UTC(2025, 3, 1)
const conversations: Record<string, string> = {}
const firstDemo: Record<string, string> = {}

/** A conversation of prompts, each answered once by `provider`/`model`. */
function addConversation(
  name: string,
  turns: { prompt: string; answer: string; provider: string; model: string }[],
) {
  const { id } = store.createConversation({ title: `${name} notes` })
  conversations[name] = id
  for (const turn of turns) {
    const message = store.addMessage({ conversationId: id, content: turn.prompt })
    if (!firstDemo[name] && /demo/i.test(turn.prompt)) firstDemo[name] = message.id
    const run = store.createRun({
      messageId: message.id,
      provider: turn.provider,
      model: turn.model,
    })
    store.finishRun(run.id, { status: 'done', answer: turn.answer })
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-history-find-'))
  store = openHistoryStore({ file: join(dir, 'history.db'), now: () => (clock += 60_000) })
  const openai = { provider: 'openai', model: 'gpt-4.1' }
  const claude = { provider: 'anthropic', model: 'claude-sonnet' }
  const gemini = { provider: 'google', model: 'gemini-2.5' }
  addConversation('alpha', [{ prompt: 'plan a demo', answer: 'The **demo** plan', ...openai }])
  // 8 prompts mention the demo, each answer twice more: 16 matching items in one conversation.
  addConversation(
    'beta',
    Array.from({ length: 8 }, (_, i) => ({
      prompt: `demo step ${i}`,
      answer:
        i === 5
          ? '| **demo** | demo |\n|---|---|\n| the demo | `demo` |'
          : `the demo goes on (${i})`,
      ...claude,
    })),
  )
  addConversation('gamma', [
    { prompt: 'unrelated', answer: 'nothing here', ...gemini },
    { prompt: 'another demo', answer: 'fine', ...openai },
  ])
  addConversation('delta', [{ prompt: 'no match', answer: 'none', ...gemini }])
})
afterAll(() => {
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

const listed = (options: Parameters<OpenedHistoryStore['listConversations']>[0]) =>
  store.listConversations(options).items.map((c) => c.title.replace(' notes', ''))

describe('the conversation list filters', () => {
  it('keeps conversations with a run on the provider, with no search text', () => {
    expect(listed({ provider: 'google' })).toEqual(['delta', 'gamma'])
    expect(listed({ provider: 'anthropic' })).toEqual(['beta'])
    expect(listed({})).toEqual(['delta', 'gamma', 'beta', 'alpha'])
  })

  it('keeps conversations with a run of the model, alone or with the provider', () => {
    expect(listed({ model: 'gpt-4.1' })).toEqual(['gamma', 'alpha'])
    expect(listed({ provider: 'openai', model: 'gpt-4.1' })).toEqual(['gamma', 'alpha'])
    expect(listed({ provider: 'anthropic', model: 'gpt-4.1' })).toEqual([])
    expect(listed({ provider: ['google', 'anthropic'] })).toEqual(['delta', 'gamma', 'beta'])
  })

  it('matches the model id exactly: no prefix, pattern, other case or label', () => {
    for (const model of [
      'gpt-4',
      'gpt-4.',
      'gpt-4%',
      'gpt-4.1*',
      'GPT-4.1',
      ' gpt-4.1',
      'GPT 4.1',
    ]) {
      expect(listed({ model })).toEqual([])
      expect(listed({ provider: 'openai', model })).toEqual([])
    }
    expect(listed({ provider: 'OpenAI' })).toEqual([])
    expect(listed({ model: 'claude' })).toEqual([])
    expect(listed({ model: ['gpt-4', 'claude-sonnet'] })).toEqual(['beta'])
  })

  it('gives the same pages whether it walks the list or starts from the matches', () => {
    const db = new DatabaseSync(join(dir, 'history.db'), { readOnly: true })
    const ids = (options: Parameters<typeof listQuery>[0], plan: 'list' | 'matches') => {
      const { sql, params } = listQuery(options, 1, plan)
      return db
        .prepare(sql)
        .all(...params)
        .map((row) => String(row.id))
    }
    try {
      const first = store.listConversations({ provider: ['openai', 'google'], limit: 1 })
      for (const options of [
        { provider: 'openai' },
        { model: 'gpt-4.1' },
        { model: 'gpt-4' },
        { provider: ['openai', 'google'], cursor: first.nextCursor },
        { provider: 'google', archived: 'all' as const },
        { provider: 'google', archived: true },
      ]) {
        expect(ids(options, 'matches')).toEqual(ids(options, 'list'))
      }
      expect(ids({ provider: ['openai', 'google'], cursor: first.nextCursor }, 'list')).toEqual([
        conversations.gamma,
        conversations.alpha,
      ])
    } finally {
      db.close()
    }
  })

  it('pages a filtered list with its cursor', () => {
    const first = store.listConversations({ model: 'gpt-4.1', limit: 1 })
    expect(first.items.map((c) => c.id)).toEqual([conversations.gamma])
    const second = store.listConversations({ model: 'gpt-4.1', limit: 1, cursor: first.nextCursor })
    expect(second.items.map((c) => c.id)).toEqual([conversations.alpha])
    expect(second.nextCursor).toBeNull()
  })

  it('walks the list index and looks runs up by conversation in the runs index', () => {
    const db = new DatabaseSync(join(dir, 'history.db'), { readOnly: true })
    try {
      for (const filter of [{ provider: 'openai' }, { model: 'gpt-4.1' }]) {
        const { sql, params } = listQuery(filter, 50)
        const plan = db
          .prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .all(...params)
          .map((row) => String(row.detail))
          .join('\n')
        expect(plan).toMatch(/conversations USING INDEX conversations_list/)
        expect(plan).not.toMatch(/TEMP B-TREE/)
        // One lookup per conversation met: conversation_id is an equality of the index used.
        expect(plan).toMatch(/SEARCH runs EXISTS USING COVERING INDEX \w+ \(.*conversation_id=\?/)
      }
    } finally {
      db.close()
    }
  })

  it('starts from the runs indexes when few conversations match, then sorts them', () => {
    const db = new DatabaseSync(join(dir, 'history.db'), { readOnly: true })
    try {
      for (const [filter, index] of [
        [{ provider: 'openai' }, /COVERING INDEX runs_provider_model \(provider=\?\)/],
        [
          { provider: 'openai', model: 'gpt-4.1' },
          /runs_provider_model \(provider=\? AND model=\?\)/,
        ],
        [{ model: 'gpt-4.1' }, /COVERING INDEX runs_model \(model=\?\)/],
      ] as const) {
        const { sql, params } = listQuery(filter, 50, 'matches')
        const plan = db
          .prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .all(...params)
          .map((row) => String(row.detail))
          .join('\n')
        expect(plan).toMatch(index)
        expect(plan).toMatch(
          /SEARCH conversations USING INDEX sqlite_autoindex_conversations_1 \(id=\?\)/,
        )
        expect(plan).not.toMatch(/SCAN conversations/)
      }
    } finally {
      db.close()
    }
  })
})

describe('search grouped by conversation', () => {
  it('gives one row per conversation with its match count, newest first', () => {
    const page = store.search({ query: 'demo', group: 'conversation' })
    expect(page.hits.map((hit) => [hit.conversationId, hit.matches])).toEqual([
      [conversations.gamma, 1],
      [conversations.beta, 16],
      [conversations.alpha, 2],
    ])
    expect(store.search({ query: 'demo' }).hits.length).toBe(19)
  })

  it('leads with the best match and up to two more, as plain text with highlights', () => {
    const [, beta] = store.search({ query: 'demo', group: 'conversation' }).hits
    expect(beta?.kind).toBe('answer')
    expect(beta?.snippet.marked).toBe('«demo» · «demo» the «demo» · «demo»')
    expect(beta?.more).toHaveLength(2)
    const alpha = store.search({ query: 'demo', group: 'conversation' }).hits[2]
    const texts = [alpha?.snippet.text, ...(alpha?.more ?? []).map((m) => m.snippet.text)]
    expect(texts.join(' ')).not.toMatch(/\*\*|\|/)
    expect(alpha?.more?.map((m) => m.snippet.marked)).toEqual(['plan a «demo»'])
  })

  it('pages by conversation without repeating one', () => {
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page = store.search({ query: 'demo', group: 'conversation', limit: 1, cursor })
      seen.push(...page.hits.map((hit) => hit.conversationId))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual([conversations.gamma, conversations.beta, conversations.alpha])
  })

  it('counts only the matches that pass the filters', () => {
    const page = store.search({ query: 'demo', group: 'conversation', model: 'gpt-4.1' })
    expect(page.hits.map((hit) => [hit.conversationId, hit.matches])).toEqual([
      [conversations.gamma, 1],
      [conversations.alpha, 2],
    ])
  })
})

describe('grouped search order when the index proposes more than matches', () => {
  it('places a conversation at its newest real match, on one page only', () => {
    const other = openHistoryStore({ file: join(dir, 'order.db'), now: () => (clock += 60_000) })
    try {
      const p = other.createConversation({ title: 'P' })
      const q = other.createConversation({ title: 'Q' })
      other.addMessage({ conversationId: p.id, content: 'a zebra crossing' })
      other.addMessage({ conversationId: q.id, content: 'one zebra' })
      // Newest of all, with every trigram of "zebra" but not the word: a candidate, not a match.
      other.addMessage({ conversationId: p.id, content: 'zeb ebra bra' })
      const order = (limit: number) => {
        const ids: string[] = []
        let cursor: string | null = null
        do {
          const page = other.search({ query: 'zebra', group: 'conversation', limit, cursor })
          ids.push(...page.hits.map((hit) => hit.conversationId))
          cursor = page.nextCursor
        } while (cursor)
        return ids
      }
      expect(order(10)).toEqual([q.id, p.id])
      expect(order(1)).toEqual([q.id, p.id])
    } finally {
      other.close()
    }
  })
})

describe('grouped search while the search index is being rebuilt', () => {
  it('finds a conversation by what is indexed so far and counts all its matches', () => {
    let db!: DatabaseSync
    const other = openHistoryStore({
      file: join(dir, 'rebuild.db'),
      configureConnection: (handle) => (db = handle),
    })
    try {
      const old = other.createConversation({ title: 'old' })
      other.addMessage({ conversationId: old.id, content: 'élan old' })
      const c = other.createConversation({ title: 'new' })
      for (let i = 0; i < 20; i++) other.addMessage({ conversationId: c.id, content: `élan ${i}` })
      transaction(db, () => scheduleSearchRebuild(db, 0))
      rebuildSearchStep(db, 5)
      const page = other.search({ query: 'elan', group: 'conversation' })
      expect(page.hits.map((hit) => [hit.conversationId, hit.matches])).toEqual([[c.id, 20]])
    } finally {
      other.close()
    }
  })
})
