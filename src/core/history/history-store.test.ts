import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DatabaseSync } from 'node:sqlite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openHistoryStore, type OpenedHistoryStore } from './open-history-store'

let dir: string
let store: OpenedHistoryStore
/** The store's own connection, for what the store does not expose (pragmas, raw counts). */
let db: DatabaseSync
let clock: number
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-history-store-'))
  clock = Date.UTC(2025, 5, 1)
  store = openHistoryStore({
    file: join(dir, 'history.db'),
    now: () => (clock += 1000),
    configureConnection: (handle) => (db = handle),
  })
})
afterEach(() => {
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('the history store', () => {
  it('opens with WAL, foreign keys and a busy timeout', () => {
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' })
    expect(db.prepare('PRAGMA foreign_keys').get()).toEqual({ foreign_keys: 1 })
    expect(db.prepare('PRAGMA busy_timeout').get()).toEqual({ timeout: 5000 })
  })

  it('creates, renames, pins, archives, tags and deletes conversations', () => {
    const c = store.createConversation({ title: 'First', mode: 'compare', tags: ['a'] })
    expect(c).toMatchObject({
      title: 'First',
      mode: 'compare',
      tags: ['a'],
      pinned: false,
      archived: false,
    })
    expect(c.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(store.renameConversation(c.id, 'Renamed').title).toBe('Renamed')
    expect(store.search({ query: 'First' }).hits).toEqual([])
    expect(store.search({ query: 'Renamed' }).hits.map((h) => h.kind)).toEqual(['title'])
    expect(store.setPinned(c.id, true).pinned).toBe(true)
    expect(store.setTags(c.id, ['x', 'y']).tags).toEqual(['x', 'y'])
    expect(store.setArchived(c.id, true).archived).toBe(true)
    expect(store.listConversations().items).toEqual([])
    expect(store.listConversations({ archived: true }).items.map((x) => x.id)).toEqual([c.id])
    const m = store.addMessage({ conversationId: c.id, content: 'hello there' })
    const r = store.createRun({ messageId: m.id, provider: 'openai', model: 'gpt' })
    store.finishRun(r.id, { status: 'done', answer: 'general kenobi' })
    expect(store.deleteConversation(c.id)).toBe(true)
    expect(store.deleteConversation(c.id)).toBe(false)
    expect(() => store.getConversation(c.id)).toThrow(/No conversation/)
    expect(() => store.getRun(r.id)).toThrow(/No run/)
    expect(store.search({ query: 'kenobi' }).hits).toEqual([])
    expect(store.search({ query: 'hello' }).hits).toEqual([])
    expect(db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 0 })
  })

  it('lists pinned first, then newest, across cursor pages', () => {
    const ids: string[] = []
    for (let i = 0; i < 25; i++) ids.push(store.createConversation({ title: `c${i}` }).id)
    store.setPinned(ids[3] as string, true)
    store.addMessage({ conversationId: ids[5] as string, content: 'bump' }) // now the most recent
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page = store.listConversations({ limit: 7, cursor })
      seen.push(...page.items.map((c) => c.title))
      cursor = page.nextCursor
    } while (cursor)
    const expected = [
      'c3',
      'c5',
      ...Array.from({ length: 25 }, (_, i) => `c${24 - i}`).filter((t) => t !== 'c3' && t !== 'c5'),
    ]
    expect(seen).toEqual(expected)
    expect(() => store.listConversations({ cursor: 'garbage' })).toThrow(/cursor/)
  })

  it('keeps edited prompts and regenerated answers as siblings', () => {
    const c = store.createConversation({ title: 'branching' })
    const sys = store.addMessage({ conversationId: c.id, role: 'system', content: 'Be brief.' })
    const first = store.addMessage({
      conversationId: c.id,
      parentId: sys.id,
      content: 'What is WAL?',
    })
    const a1 = store.createRun({ messageId: first.id, provider: 'openai', model: 'gpt-4.1' })
    store.finishRun(a1.id, { status: 'done', answer: 'Write-ahead log.' })
    const a2 = store.createRun({ messageId: first.id, provider: 'openai', model: 'gpt-4.1' })
    store.finishRun(a2.id, { status: 'done', answer: 'A journal mode.' })
    const edited = store.addMessage({
      conversationId: c.id,
      parentId: sys.id,
      content: 'What is WAL mode?',
    })
    const next = store.addMessage({
      conversationId: c.id,
      parentId: first.id,
      parentRunId: a2.id,
      content: 'More?',
    })
    const detail = store.getConversation(c.id)
    expect(detail.messages.map((m) => [m.content, m.parentId])).toEqual([
      ['Be brief.', null],
      ['What is WAL?', sys.id],
      ['What is WAL mode?', sys.id],
      ['More?', first.id],
    ])
    expect(detail.messages[3]?.parentRunId).toBe(a2.id)
    const siblings = detail.runs.filter((r) => r.messageId === first.id && r.model === 'gpt-4.1')
    expect(siblings.map((r) => r.answer)).toEqual(['Write-ahead log.', 'A journal mode.'])
    expect(edited.id).not.toBe(first.id)
    expect(next.role).toBe('user')
    const other = store.createConversation({ title: 'other' })
    expect(() =>
      store.addMessage({ conversationId: other.id, parentId: first.id, content: 'x' }),
    ).toThrow(/another conversation/)
  })

  it('records a run from creation through streaming to its metrics', () => {
    const c = store.createConversation({ title: 'metrics' })
    const m = store.addMessage({ conversationId: c.id, content: 'count to three' })
    const run = store.createRun({
      messageId: m.id,
      connectionId: 'conn-openai-work',
      provider: 'openai',
      model: 'gpt-4.1-mini',
      parameters: {
        temperature: 0.3,
        max_tokens: 64,
        apiKey: 'sk-should-never-be-stored',
        headers: { Authorization: 'Bearer x' },
      },
      systemPrompt: 'Be terse.',
    })
    expect(run).toMatchObject({ status: 'streaming', answer: '', conversationId: c.id })
    expect(run.parameters).toEqual({ temperature: 0.3, max_tokens: 64, headers: {} })
    expect(store.appendRunText(run.id, { answer: 'one', reasoning: 'think' })).toBe(true)
    expect(store.appendRunText(run.id, { answer: ' two' })).toBe(true)
    expect(store.getRun(run.id)).toMatchObject({
      answer: 'one two',
      reasoning: 'think',
      status: 'streaming',
    })
    expect(store.search({ query: 'two' }).hits).toEqual([]) // not searchable while streaming
    const done = store.finishRun(run.id, {
      status: 'done',
      answer: 'one two three',
      toolCalls: [{ id: 't1', type: 'function', function: { name: 'f', arguments: '{}' } }],
      usage: { tokensIn: 10, tokensOut: 3, tokensReasoning: 1, tokensCached: 4 },
      ttftMs: 120,
      totalMs: 900,
      tokensPerSecond: 3.6,
      costUsd: 0.00042,
      costEstimated: true,
    })
    expect(done).toMatchObject({
      status: 'done',
      answer: 'one two three',
      usage: { tokensIn: 10, tokensOut: 3, tokensReasoning: 1, tokensCached: 4 },
      ttftMs: 120,
      totalMs: 900,
      tokensPerSecond: 3.6,
      costUsd: 0.00042,
      costEstimated: true,
      connectionId: 'conn-openai-work',
      systemPrompt: 'Be terse.',
    })
    expect(done.toolCalls).toHaveLength(1)
    expect(store.appendRunText(run.id, { answer: 'late' })).toBe(false)
    expect(store.getRun(run.id).answer).toBe('one two three')
    expect(() => store.finishRun(run.id, { status: 'stopped' })).toThrow(/already ended/)
    expect(store.search({ query: 'three', kinds: ['answer'] }).hits.map((h) => h.runId)).toEqual([
      run.id,
    ])
  })

  it('keeps partial text and the error kind of a failed run, with key-shaped strings redacted', () => {
    const c = store.createConversation({ title: 'errors' })
    const m = store.addMessage({ conversationId: c.id, content: 'hi' })
    const run = store.createRun({ messageId: m.id, provider: 'anthropic', model: 'claude' })
    store.appendRunText(run.id, { answer: 'partial' })
    const failed = store.finishRun(run.id, {
      status: 'error',
      errorKind: 'rate_limit',
      errorMessage: 'Rate limited for key sk-ant-api03-abcdefghijklmnop',
    })
    expect(failed).toMatchObject({ status: 'error', answer: 'partial', errorKind: 'rate_limit' })
    expect(failed.errorMessage).not.toContain('abcdefghijklmnop')
  })

  it('marks runs left streaming as interrupted at the next open, keeping their text', () => {
    const file = join(dir, 'history.db')
    const c = store.createConversation({ title: 'crash' })
    const m = store.addMessage({ conversationId: c.id, content: 'tell me a story' })
    const run = store.createRun({ messageId: m.id, provider: 'openai', model: 'gpt' })
    store.appendRunText(run.id, { answer: 'Once upon a time' })
    store.close()
    store = openHistoryStore({ file })
    expect(store.interruptedAtOpen).toBe(1)
    expect(store.getRun(run.id)).toMatchObject({
      status: 'interrupted',
      answer: 'Once upon a time',
    })
    expect(store.search({ query: 'upon' }).hits.map((h) => h.status)).toEqual(['interrupted'])
  })

  it('rejects unknown ids with a clear error', () => {
    expect(() => store.addMessage({ conversationId: 'nope', content: 'x' })).toThrow(
      /No conversation with id nope/,
    )
    expect(() => store.createRun({ messageId: 'nope', provider: 'p', model: 'm' })).toThrow(
      /No message with id nope/,
    )
    expect(() => store.appendRunText('nope', { answer: 'x' })).toThrow(/No run with id nope/)
  })
})
