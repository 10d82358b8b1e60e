import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listBackups } from '../backups/backup-files'
import { openAppDatabaseWithBackups } from '../backups/open-with-backups'
import { CURRENT_VERSION, migrate } from '../database/migrations'
import { createHistoryStore } from './history-store'
import { openHistoryStore, type OpenedHistoryStore } from './open-history-store'
import type { HistoryExport } from './history-export-schema'
import { rebuildSearchIndex } from './search-index'

/* Schema version 5: runs saved `queued` while they wait for a slot, and their queue/retry waits. */

let dir: string
const stores: OpenedHistoryStore[] = []
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-queued-runs-'))
})
afterEach(() => {
  for (const store of stores.splice(0)) store.close()
  rmSync(dir, { recursive: true, force: true })
})

function open(name = 'history.sqlite'): OpenedHistoryStore {
  const store = openHistoryStore({ file: join(dir, name) })
  stores.push(store)
  return store
}

function prompt(store: OpenedHistoryStore): string {
  const conversation = store.createConversation({ title: 'queue' })
  return store.addMessage({ conversationId: conversation.id, content: 'Hello' }).id
}

const runOf = (messageId: string, status?: 'queued' | 'streaming') => ({
  messageId,
  connectionId: 'conn-1',
  provider: 'openai',
  model: 'gpt-4.1',
  ...(status ? { status } : {}),
})

/** A database written by schema version 4 (the old migrations only), filled with raw SQL. */
function versionFourDatabase(file: string): void {
  const old = new DatabaseSync(file)
  migrate(old, 0, 4)
  old.exec(`
    INSERT INTO conversations (id, title, created_at, updated_at, mode, title_doc)
      VALUES ('c1', 'Before the queue', 1000, 4000, 'chat', 1);
    INSERT INTO messages (doc, id, conversation_id, role, content, created_at)
      VALUES (2, 'm1', 'c1', 'user', 'Which embedding model?', 2000);
    INSERT INTO runs (doc, id, conversation_id, message_id, provider, model, answer, status,
      ttft_ms, total_ms, created_at, updated_at)
      VALUES (3, 'r1', 'c1', 'm1', 'openai', 'gpt-4.1', 'A multilingual one.', 'done', 120, 900,
        3000, 4000);
  `)
  rebuildSearchIndex(old)
  // Version 4 refused the new status: that is what the migration changes.
  expect(() => old.exec(`UPDATE runs SET status = 'queued' WHERE id = 'r1'`)).toThrow(
    /CHECK constraint failed/,
  )
  old.close()
}

describe('migration to schema version 5', () => {
  it('rebuilds runs with `queued` allowed and the wait columns, keeping rows, indexes, search and foreign keys', () => {
    const file = join(dir, 'history.sqlite')
    versionFourDatabase(file)
    let db!: DatabaseSync // the store's own connection
    const store = openHistoryStore({ file, configureConnection: (handle) => (db = handle) })
    stores.push(store)
    // Opening runs every later migration too (5 is the one this test is about).
    expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: CURRENT_VERSION })
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([])
    expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' })

    const old = store.getRun('r1')
    expect(old).toMatchObject({
      status: 'done',
      answer: 'A multilingual one.',
      ttftMs: 120,
      totalMs: 900,
      queueWaitMs: null,
      retryWaitMs: null,
    })
    // Its doc key (the search indexes' row id) came along: the old answer is still found.
    expect(store.search({ query: 'multilingual' }).hits.map((h) => h.runId)).toEqual(['r1'])

    const indexes = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'runs'`)
      .all()
      .map((row) => String(row.name))
      .filter((name) => !name.startsWith('sqlite_autoindex'))
      .sort()
    expect(indexes).toEqual([
      'runs_conversation',
      'runs_message',
      'runs_model',
      'runs_open',
      'runs_provider_model',
    ])
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE name LIKE 'runs%'`).all()
    expect(tables.map((row) => String(row.name))).not.toContain('runs_v5')

    // The new status is accepted, nonsense still refused.
    const queued = store.createRun(runOf('m1', 'queued'))
    expect(queued.status).toBe('queued')
    expect(() => db.exec(`UPDATE runs SET status = 'paused' WHERE id = 'r1'`)).toThrow(/CHECK/)
    // Foreign keys still cascade from the conversation to its runs.
    store.deleteConversation('c1')
    expect(db.prepare('SELECT count(*) AS n FROM runs').get()).toEqual({ n: 0 })
  })

  it('backs up the version 4 database before migrating it', () => {
    const file = join(dir, 'history.sqlite')
    versionFourDatabase(file)
    const opened = openAppDatabaseWithBackups(dir, 'history.sqlite', {
      now: () => Date.UTC(2026, 11, 3),
    })
    try {
      const backup = listBackups(join(dir, 'backups'))[0]
      expect(backup?.reason).toBe('migration')
      const copy = new DatabaseSync(join(dir, 'backups', backup?.file ?? ''), { readOnly: true })
      expect(copy.prepare('PRAGMA user_version').get()).toEqual({ user_version: 4 })
      expect(copy.prepare('SELECT status FROM runs').all()).toEqual([{ status: 'done' }])
      copy.close()
      expect(createHistoryStore(opened.database).getRun('r1').status).toBe('done')
    } finally {
      void opened.backups.close()
      opened.database.close()
    }
  })
})

describe('a queued run in the history', () => {
  it('is saved queued, becomes streaming when sent, and keeps its waits when it ends', () => {
    const store = open()
    const run = store.createRun(runOf(prompt(store), 'queued'))
    expect(store.getRun(run.id).status).toBe('queued')
    expect(store.markRunSent(run.id)).toBe(true)
    expect(store.getRun(run.id).status).toBe('streaming')
    expect(store.markRunSent(run.id)).toBe(false) // only a queued run is sent
    store.appendRunText(run.id, { answer: 'Hi' })
    const done = store.finishRun(run.id, {
      status: 'done',
      totalMs: 800,
      queueWaitMs: 4200,
      retryWaitMs: 1500,
    })
    expect(done).toMatchObject({
      status: 'done',
      answer: 'Hi',
      totalMs: 800,
      queueWaitMs: 4200,
      retryWaitMs: 1500,
    })
    expect(store.getConversation(done.conversationId).runs[0]).toMatchObject({
      queueWaitMs: 4200,
      retryWaitMs: 1500,
    })
  })

  it('can end while still in line (stopped)', () => {
    const store = open()
    const run = store.createRun(runOf(prompt(store), 'queued'))
    const stopped = store.finishRun(run.id, { status: 'stopped', queueWaitMs: 300 })
    expect(stopped).toMatchObject({ status: 'stopped', queueWaitMs: 300, retryWaitMs: null })
  })

  it('left queued by a crash is interrupted at the next open, like a streaming one', () => {
    const first = open()
    const messageId = prompt(first)
    const queued = first.createRun(runOf(messageId, 'queued'))
    const streaming = first.createRun(runOf(messageId))
    first.appendRunText(streaming.id, { answer: 'partial' })
    first.close()

    const again = open()
    expect(again.interruptedAtOpen).toBe(2)
    expect(again.getRun(queued.id).status).toBe('interrupted')
    expect(again.getRun(streaming.id)).toMatchObject({ status: 'interrupted', answer: 'partial' })
    expect(again.search({ query: 'partial' }).hits.map((h) => h.runId)).toEqual([streaming.id])
  })
})

describe('export and import', () => {
  it('carry the queued status and the waits; a queued run arrives interrupted', () => {
    const source = open('source.sqlite')
    const messageId = prompt(source)
    const waited = source.createRun(runOf(messageId, 'queued'))
    source.markRunSent(waited.id)
    source.finishRun(waited.id, {
      status: 'done',
      answer: 'after a wait',
      queueWaitMs: 2500,
      retryWaitMs: 700,
    })
    const inLine = source.createRun(runOf(messageId, 'queued'))
    const exported = JSON.parse(JSON.stringify(source.exportJson())) as HistoryExport
    const runs = exported.conversations[0]?.runs ?? []
    expect(runs.map((r) => [r.id, r.status, r.queueWaitMs, r.retryWaitMs])).toEqual([
      [waited.id, 'done', 2500, 700],
      [inLine.id, 'queued', null, null],
    ])

    const target = open('target.sqlite')
    expect(target.importJson(exported).runs).toEqual({ added: 2, existing: 0 })
    expect(target.getRun(waited.id)).toMatchObject({
      status: 'done',
      queueWaitMs: 2500,
      retryWaitMs: 700,
    })
    expect(target.getRun(inLine.id).status).toBe('interrupted')
    expect(target.search({ query: 'after a wait' }).hits.map((h) => h.runId)).toEqual([waited.id])
  })

  it('still imports an export made before the waits were recorded', () => {
    const source = open('source.sqlite')
    const run = source.createRun(runOf(prompt(source)))
    source.finishRun(run.id, { status: 'done', answer: 'old', totalMs: 10 })
    const exported = JSON.parse(JSON.stringify(source.exportJson())) as HistoryExport
    for (const conversation of exported.conversations) {
      for (const r of conversation.runs) {
        delete r.queueWaitMs
        delete r.retryWaitMs
      }
    }
    expect(JSON.stringify(exported)).not.toContain('WaitMs')

    const target = open('target.sqlite')
    target.importJson(exported)
    expect(target.getRun(run.id)).toMatchObject({
      status: 'done',
      totalMs: 10,
      queueWaitMs: null,
      retryWaitMs: null,
    })
  })
})
