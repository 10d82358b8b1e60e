import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openHistoryStore, type OpenedHistoryStore } from './open-history-store'
import { HistoryImportError } from './import-history'
import { rebuildSearchIndex } from './search-index'
import { searchFileOf } from '../database/search-file'
import { searchIndexEntries } from '../../../test/history/search-index-entries'

// Key-shaped strings a test run "used": they reach the store only through places a careless
// caller might pass them (parameters, error messages) and must never come out in an export.
const KEYS = [
  'sk-proj-TESTKEYabcdefghijklmnop1234',
  'sk-ant-api03-TESTKEYqrstuvwxyz',
  'AIzaTESTKEY0123456789abcdefghij',
]

const SIGNED_THINKING = {
  type: 'reasoning.text',
  text: 'hmm',
  signature: 'EqQBCkYIBxgCKkBsigned',
  format: 'anthropic-claude-v1',
  index: 0,
}

let dir: string
let store: OpenedHistoryStore
let clock: number
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-history-export-'))
  clock = Date.UTC(2025, 2, 3)
  store = openHistoryStore({ file: join(dir, 'a.db'), now: () => (clock += 1234) })
})
afterEach(() => {
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

function fill(target: OpenedHistoryStore) {
  const chat = target.createConversation({
    title: '번역 도우미',
    tags: ['ko', 'work'],
    pinned: true,
  })
  const sys = target.addMessage({ conversationId: chat.id, role: 'system', content: 'Translate.' })
  const m = target.addMessage({
    conversationId: chat.id,
    parentId: sys.id,
    content: '모델을 번역해 줘',
  })
  const r1 = target.createRun({
    messageId: m.id,
    connectionId: 'conn-openai',
    provider: 'openai',
    model: 'gpt-4.1',
    parameters: {
      temperature: 0.1,
      api_key: KEYS[0],
      nested: { authorization: `Bearer ${KEYS[0]}` },
    },
    systemPrompt: 'Translate.',
  })
  target.appendRunText(r1.id, { answer: 'Translate the ', reasoning: 'hmm' })
  target.finishRun(r1.id, {
    status: 'done',
    answer: 'Translate the model',
    toolCalls: [
      { id: 'c1', type: 'function', function: { name: 'lookup', arguments: '{"q":"모델"}' } },
    ],
    reasoningDetails: [SIGNED_THINKING],
    usage: { tokensIn: 12, tokensOut: 5, tokensReasoning: 2, tokensCached: null },
    ttftMs: 210,
    totalMs: 800,
    tokensPerSecond: 6.25,
    costUsd: 0.0001,
  })
  const r2 = target.createRun({
    messageId: m.id,
    connectionId: 'conn-claude',
    provider: 'anthropic',
    model: 'claude',
  })
  target.finishRun(r2.id, {
    status: 'error',
    errorKind: 'auth',
    errorMessage: `invalid x-api-key ${KEYS[1]}`,
  })
  const compare = target.createConversation({ title: 'Compare', mode: 'compare' })
  const q = target.addMessage({ conversationId: compare.id, content: 'Explain WAL' })
  const r3 = target.createRun({
    messageId: q.id,
    provider: 'google',
    model: 'gemini',
    parameters: { key: KEYS[2] },
  })
  target.appendRunText(r3.id, { answer: 'Write-ahead' }) // left streaming
  target.setArchived(compare.id, true)
  return { chat, compare, r3 }
}

describe('export and import', () => {
  it('round-trips everything through JSON, losslessly', () => {
    fill(store)
    const exported = store.exportJson()
    expect(exported).toMatchObject({ format: 'parallax-history', version: 1 })
    const file = join(dir, 'export.json')
    writeFileSync(file, JSON.stringify(exported))
    const other = openHistoryStore({ file: join(dir, 'b.db') })
    const report = other.importJson(readFileSync(file, 'utf8'))
    expect(report).toEqual({
      conversations: { added: 2, existing: 0 },
      messages: { added: 3, existing: 0 },
      runs: { added: 3, existing: 0 },
    })
    const again = other.exportJson()
    // The run exported while streaming comes back interrupted; everything else is identical.
    const expected = structuredClone(exported)
    const streamed = expected.conversations[1]?.runs[0]
    if (streamed) streamed.status = 'interrupted'
    expect({ ...again, exportedAt: 0 }).toEqual({ ...expected, exportedAt: 0 })
    for (const c of exported.conversations) {
      const a = store.getConversation(c.id)
      const b = other.getConversation(c.id)
      expect(b.conversation).toEqual(a.conversation)
      expect(b.messages).toEqual(a.messages)
      expect(
        b.runs.map((r) => ({ ...r, status: r.status === 'interrupted' ? 'streaming' : r.status })),
      ).toEqual(a.runs)
    }
    expect(other.search({ query: '모델' }).hits.length).toBeGreaterThan(0)
    other.close()
  })

  it("keeps a run's signed reasoning, and imports older files that have none", () => {
    fill(store)
    const exported = store.exportJson()
    const runs = exported.conversations.flatMap((c) => c.runs)
    expect(runs.map((r) => r.reasoningDetails)).toEqual([[SIGNED_THINKING], null, null])
    for (const run of runs) delete run.reasoningDetails // as written before migration 9
    const other = openHistoryStore({ file: join(dir, 'b.db') })
    other.importJson(JSON.stringify(exported))
    const imported = exported.conversations.flatMap((c) => other.getConversation(c.id).runs)
    expect(imported.map((r) => r.reasoningDetails)).toEqual([null, null, null])
    other.close()
  })

  it('indexes what it adds exactly as rebuilding the search index would', () => {
    const { chat } = fill(store)
    store.addMessage({ conversationId: chat.id, content: '' })
    const other = openHistoryStore({ file: join(dir, 'b.db') })
    // Part of the file is in the store already: its doc keys stay unused in the imported range.
    other.importJson(store.exportJson({ conversationIds: [chat.id] }))
    other.createConversation({ title: 'Made here, 모델 AI' })
    other.importJson(JSON.stringify(store.exportJson()))
    other.close()
    // The index is in the search file (written by the import's background writer).
    const db = new DatabaseSync(join(dir, 'b.db'))
    db.prepare('ATTACH DATABASE ? AS search').run(searchFileOf(join(dir, 'b.db')))
    try {
      const entries = () => searchIndexEntries(db)
      const imported = entries()
      expect(imported[0]?.length).toBeGreaterThan(50)
      expect(imported[1]?.length).toBeGreaterThan(10)
      db.exec('BEGIN')
      rebuildSearchIndex(db)
      db.exec('COMMIT')
      expect(entries()).toEqual(imported)
    } finally {
      db.close()
    }
  })

  it('is idempotent: importing the same file twice adds nothing', () => {
    fill(store)
    const json = JSON.stringify(store.exportJson())
    const other = openHistoryStore({ file: join(dir, 'b.db') })
    other.importJson(json)
    const before = JSON.stringify({ ...other.exportJson(), exportedAt: 0 })
    const hitsBefore = other.search({ query: 'Translate' }).hits.length
    const report = other.importJson(json)
    expect(report).toEqual({
      conversations: { added: 0, existing: 2 },
      messages: { added: 0, existing: 3 },
      runs: { added: 0, existing: 3 },
    })
    expect(JSON.stringify({ ...other.exportJson(), exportedAt: 0 })).toBe(before)
    expect(other.search({ query: 'Translate' }).hits.length).toBe(hitsBefore)
    // Importing into the store the export came from adds nothing either.
    expect(store.importJson(json).messages.added).toBe(0)
    other.close()
  })

  it('exports one conversation, and Markdown', () => {
    const { chat } = fill(store)
    const one = store.exportJson({ conversationIds: [chat.id] })
    expect(one.conversations.map((c) => c.id)).toEqual([chat.id])
    const markdown = store.exportMarkdown({ conversationIds: [chat.id] })
    expect(markdown).toContain('# 번역 도우미')
    expect(markdown).toContain('## You · ')
    expect(markdown).toContain('모델을 번역해 줘')
    // Two answers to one prompt: the later one shown, the first folded under it.
    expect(markdown).toContain('### claude (anthropic) · error · answer 2 of 2')
    expect(markdown).toContain('**gpt-4.1 (openai) · answer 1 of 2')
    expect(markdown).toContain(
      '- Metrics: first token 210 ms · total 800 ms · tokens 12 in, 5 out, 2 reasoning · ' +
        '6.3 tok/s · cost $0.000100\n- Parameters: temperature 0.1\n', // `nested` lost its secret: not listed
    )
    expect(markdown).toContain('Translate the model')
    expect(markdown).toContain('> Error (auth): invalid x-api-key')
    expect(store.exportMarkdown()).toContain('# Compare')
  })

  it('never writes a secret into the database or an export', () => {
    fill(store)
    const json = JSON.stringify(store.exportJson())
    const markdown = store.exportMarkdown()
    writeFileSync(join(dir, 'export.json'), json)
    writeFileSync(join(dir, 'export.md'), markdown)
    store.database.checkpoint()
    for (const name of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, name))
      for (const key of KEYS) {
        expect(bytes.includes(Buffer.from(key)), `${key} in ${name}`).toBe(false)
        expect(bytes.includes(Buffer.from(key.slice(-16))), `${key} tail in ${name}`).toBe(false)
      }
    }
    expect(json).toContain('"temperature":0.1') // the non-secret parameters are kept
  })

  it('rejects invalid files with an error naming the bad field, and changes nothing', () => {
    fill(store)
    const good = store.exportJson()
    const other = openHistoryStore({ file: join(dir, 'b.db') })
    const bad = structuredClone(good) as unknown as {
      conversations: { runs: { status: string }[] }[]
    }
    Object.assign(bad.conversations[0]?.runs[1] ?? {}, { status: 'finished' })
    const error = (() => {
      try {
        other.importJson(bad)
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(HistoryImportError)
    expect((error as HistoryImportError).field).toBe('conversations[0].runs[1].status')
    expect((error as Error).message).toContain('conversations[0].runs[1].status')
    expect(() => other.importJson('{not json')).toThrow(/not JSON/)
    expect(() => other.importJson({ format: 'something-else', version: 1 })).toThrow(/format/)
    expect(() => other.importJson({ ...good, version: 2 })).toThrow(/version/)
    const missing = structuredClone(good) as unknown as { conversations: Record<string, unknown>[] }
    delete missing.conversations[1]?.title
    expect(() => other.importJson(missing)).toThrow(/conversations\[1\]\.title/)
    // A run pointing at a message that does not exist fails as a whole: nothing is added.
    const dangling = structuredClone(good)
    Object.assign(dangling.conversations[0]?.runs[0] ?? {}, { messageId: 'missing-message' })
    expect(() => other.importJson(dangling)).toThrow(
      /^Run \S+ points at message missing-message, which is not in the file\.$/,
    )
    expect(other.listConversations({ archived: 'all' }).items).toEqual([])
    other.close()
  })
})
