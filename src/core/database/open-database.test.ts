import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openHistoryStore } from '../history/open-history-store'
import { rebuildSearchIndex } from '../history/search-index'
import { createUsageRepository } from '../usage/usage-repository'
import type { DatabaseNotice } from './app-database'
import { handleOf } from './database-handle'
import { CURRENT_VERSION, MIGRATIONS, migrate } from './migrations'
import { HistoryVersionError, openAppDatabase } from './open-database'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-history-open-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

/** The history store on `file`, and the database's connection for pragmas no repository shows. */
function openWithConnection(file: string) {
  let db!: DatabaseSync
  const store = openHistoryStore({ file, configureConnection: (handle) => (db = handle) })
  return { store, db }
}

/** Writes data the way version `version` of the schema stores it (raw SQL, no current code). */
function fillVersion(db: DatabaseSync, version: number): void {
  if (version < 1) return
  db.exec(`
    INSERT INTO conversations (id, title, created_at, updated_at, pinned, archived, mode, tags, title_doc)
      VALUES ('c1', 'Vector databases 비교', 1000, 5000, 1, 0, 'compare', '["work"]', 1);
    INSERT INTO messages (doc, id, conversation_id, parent_id, parent_run_id, role, content, created_at)
      VALUES (2, 'm1', 'c1', NULL, NULL, 'user', '임베딩 모델을 추천해 주세요', 2000);
    INSERT INTO runs (doc, id, conversation_id, message_id, connection_id, provider, model, parameters,
      answer, status, tokens_in, tokens_out, cost_usd, created_at, updated_at)
      VALUES (3, 'r1', 'c1', 'm1', 'conn-1', 'openai', 'gpt-4.1', '{"temperature":0.2}',
        'Try a multilingual embedding model.', 'done', 12, 34, 0.0012, 3000, 4000);
    INSERT INTO runs (doc, id, conversation_id, message_id, connection_id, provider, model, answer,
      status, created_at, updated_at)
      VALUES (4, 'r2', 'c1', 'm1', 'conn-2', 'anthropic', 'claude', 'partial answer', 'streaming', 3000, 3500);
  `)
  // From version 6 on, finishing a sent run also wrote its usage (a streaming one is entered at open).
  if (version >= 6)
    db.exec(`
      INSERT INTO usage_ledger (run_id, conversation_id, connection_id, provider, model, started_at,
        ended_at, status, tokens_in, tokens_out, cost_usd)
        VALUES ('r1', 'c1', 'conn-1', 'openai', 'gpt-4.1', 3000, 4000, 'done', 12, 34, 0.0012);
    `)
}

describe('migrations', () => {
  it('are numbered 1, 2, … in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1))
  })

  for (let version = 0; version < CURRENT_VERSION; version++) {
    it(`migrates a filled database from version ${version}`, () => {
      const file = join(dir, `v${version}.db`)
      const old = new DatabaseSync(file)
      migrate(old, 0, version)
      expect(old.prepare('PRAGMA user_version').get()).toEqual({ user_version: version })
      fillVersion(old, version)
      // From version 2 on, the app indexed rows as it wrote them; the raw inserts above did not.
      if (version >= 2) rebuildSearchIndex(old)
      old.close()

      const { store, db } = openWithConnection(file)
      expect(store.notices).toEqual([])
      expect(db.prepare('PRAGMA user_version').get()).toEqual({
        user_version: CURRENT_VERSION,
      })
      if (version >= 1) {
        const detail = store.getConversation('c1')
        expect(detail.conversation).toMatchObject({
          title: 'Vector databases 비교',
          pinned: true,
          tags: ['work'],
        })
        expect(detail.messages.map((m) => m.content)).toEqual(['임베딩 모델을 추천해 주세요'])
        expect(detail.runs.map((r) => [r.id, r.status])).toEqual([
          ['r1', 'done'],
          ['r2', 'interrupted'],
        ])
        expect(detail.runs[0]?.usage.tokensOut).toBe(34)
        // Old rows are searchable after the upgrade (the index is built from them).
        expect(store.search({ query: '모델' }).hits.map((h) => h.messageId)).toEqual(['m1'])
        expect(store.search({ query: 'multilingual' }).hits.map((h) => h.runId)).toEqual(['r1'])
        expect(store.search({ query: 'partial' }).hits.map((h) => h.runId)).toEqual(['r2'])
        // The usage ledger (migration 6) was filled from the runs; deleting history keeps it.
        const usage = createUsageRepository(store.database)
        const report = usage.report({ from: 0, to: 10_000 })
        expect(report.rows.map((r) => [r.model, r.requests, r.tokensOut, r.costUsd])).toEqual([
          ['gpt-4.1', 1, 34, 0.0012],
          ['claude', 1, 0, null],
        ])
        expect(store.deleteConversation('c1')).toBe(true)
        expect(usage.report({ from: 0, to: 10_000 })).toEqual(report)
      }
      const c = store.createConversation({ title: 'after upgrade' })
      expect(store.search({ query: 'upgrade' }).hits[0]?.conversationId).toBe(c.id)
      store.close()
    })
  }

  it('creates new databases with 16 KB pages; an existing one keeps its page size', () => {
    const pageSize = (db: DatabaseSync) => db.prepare('PRAGMA page_size').get()
    const created = openWithConnection(join(dir, 'new.db'))
    expect(pageSize(created.db)).toEqual({ page_size: 16384 })
    created.store.close()
    const file = join(dir, 'v1.db')
    const old = new DatabaseSync(file)
    migrate(old, 0, 1)
    old.close()
    const upgraded = openWithConnection(file)
    expect(pageSize(upgraded.db)).toEqual({ page_size: 4096 })
    upgraded.store.close()
  })

  it('opens a current database again without changes', () => {
    const file = join(dir, 'h.db')
    const first = openHistoryStore({ file })
    first.createConversation({ title: 'kept' })
    first.close()
    const second = openHistoryStore({ file })
    expect(second.listConversations().items.map((c) => c.title)).toEqual(['kept'])
    second.close()
  })
})

describe('unusable files', () => {
  function expectMovedAside(file: string, extra: string[] = []) {
    const original = sha(file)
    const extras = extra.map((suffix) => sha(file + suffix))
    const seen: string[] = []
    const store = openHistoryStore({
      file,
      now: () => Date.UTC(2025, 0, 2, 3, 4, 5),
      onNotice: (n) => seen.push(n.movedTo),
    })
    expect(store.notices).toHaveLength(1)
    const notice = store.notices[0] as DatabaseNotice
    expect(notice.kind).toBe('database-moved-aside')
    expect(notice.movedTo).toBe(`${file}.unreadable-20250102T030405000Z`)
    expect(notice.message).toContain(notice.movedTo)
    expect(seen).toEqual([notice.movedTo])
    expect(sha(notice.movedTo)).toBe(original)
    extra.forEach((suffix, i) => expect(sha(notice.movedTo + suffix)).toBe(extras[i]))
    // A fresh store works.
    const c = store.createConversation({ title: 'fresh start' })
    expect(store.listConversations().items.map((x) => x.id)).toEqual([c.id])
    expect(store.search({ query: 'fresh' }).hits).toHaveLength(1)
    store.close()
    return notice
  }

  it('moves aside a file of random bytes', () => {
    const file = join(dir, 'h.db')
    writeFileSync(file, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 256)))
    expect(expectMovedAside(file).reason).toContain('not a SQLite database')
  })

  it('moves aside a truncated database', () => {
    const file = join(dir, 'h.db')
    const store = openHistoryStore({ file })
    for (let i = 0; i < 200; i++)
      store.createConversation({ title: `conversation ${i} ${'x'.repeat(200)}` })
    store.database.checkpoint()
    store.close()
    const bytes = readFileSync(file)
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)))
    expectMovedAside(file)
  })

  it('moves aside a database with a damaged page, with its -wal and -shm', () => {
    const file = join(dir, 'h.db')
    const store = openHistoryStore({ file })
    for (let i = 0; i < 300; i++)
      store.createConversation({ title: `conversation ${i} ${'y'.repeat(300)}` })
    store.database.checkpoint()
    store.close()
    const bytes = readFileSync(file)
    const pageSize = bytes.readUInt16BE(16)
    const page = Math.floor(bytes.length / pageSize / 2)
    for (let i = 0; i < pageSize; i++) bytes[page * pageSize + i] = (i * 31 + 7) % 256
    writeFileSync(file, bytes)
    writeFileSync(`${file}-wal`, '')
    writeFileSync(`${file}-shm`, '')
    // The -shm is SQLite's scratch index (rewritten by any reader), so only its move is checked.
    const notice = expectMovedAside(file, ['-wal'])
    expect(existsSync(`${notice.movedTo}-shm`)).toBe(true)
    expect(notice.reason).toMatch(/quick_check|cannot be read/)
    expect(existsSync(`${file}-wal.unreadable`)).toBe(false)
  })

  it('never overwrites an earlier moved-aside file', () => {
    const file = join(dir, 'h.db')
    const now = () => Date.UTC(2025, 0, 2)
    for (let i = 0; i < 2; i++) {
      writeFileSync(file, `not a database ${i}`)
      openHistoryStore({ file, now }).close()
    }
    const aside = readdirSync(dir)
      .filter((name) => name.includes('unreadable'))
      .sort()
    expect(aside).toEqual([
      'h.db.unreadable-20250102T000000000Z',
      'h.db.unreadable-20250102T000000000Z-2',
    ])
  })

  it('refuses a database from a newer version and leaves it byte-for-byte untouched', () => {
    const file = join(dir, 'h.db')
    const { store, db } = openWithConnection(file)
    store.createConversation({ title: 'from the future' })
    db.exec(`PRAGMA user_version = ${CURRENT_VERSION + 5}`)
    store.database.checkpoint()
    store.close()
    const before = sha(file)
    const files = readdirSync(dir).sort()
    let error: unknown
    try {
      openHistoryStore({ file })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(HistoryVersionError)
    expect((error as Error).message).toContain(`schema version ${CURRENT_VERSION + 5}`)
    expect((error as Error).message).toContain(`versions up to ${CURRENT_VERSION}`)
    expect(sha(file)).toBe(before)
    expect(readdirSync(dir).filter((name) => name.includes('unreadable'))).toEqual([])
    expect(
      readdirSync(dir).filter(
        (name) => !files.includes(name) && !name.endsWith('-shm') && !name.endsWith('-wal'),
      ),
    ).toEqual([])
  })

  it('runs a full integrity_check when asked', () => {
    const file = join(dir, 'h.db')
    openHistoryStore({ file, integrity: 'full' }).close()
    const store = openHistoryStore({ file, integrity: 'full' })
    expect(store.notices).toEqual([])
    store.close()
  })
})

describe('the app database', () => {
  it('keeps its connection private: nothing it exposes is one', () => {
    const database = openAppDatabase({ file: join(dir, 'app.db') })
    expect(Object.values(database).some((value) => value instanceof DatabaseSync)).toBe(false)
    expect(handleOf(database)).toBeInstanceOf(DatabaseSync)
    // Only the object openAppDatabase returned leads to the connection, not a look-alike.
    expect(() => handleOf({ ...database })).toThrow(TypeError)
    database.close()
  })

  it('hands the connection to configureConnection once, migrated', () => {
    const versions: unknown[] = []
    const database = openAppDatabase({
      file: join(dir, 'app.db'),
      configureConnection: (db) => versions.push(db.prepare('PRAGMA user_version').get()),
    })
    expect(versions).toEqual([{ user_version: CURRENT_VERSION }])
    database.close()
  })

  it('runs a transaction all or nothing, checkpoints the WAL and closes once', () => {
    const file = join(dir, 'app.db')
    let db!: DatabaseSync
    const database = openAppDatabase({ file, configureConnection: (handle) => (db = handle) })
    const insert = db.prepare(
      `INSERT INTO connections (id, provider, label, created_at, updated_at)
       VALUES (?, 'openai', 'work', 1, 1)`,
    )
    const count = () => db.prepare('SELECT count(*) AS n FROM connections').get()
    expect(() =>
      database.transaction(() => {
        insert.run('a')
        insert.run('a')
      }),
    ).toThrow(/UNIQUE/)
    expect(count()).toEqual({ n: 0 })
    expect(
      database.transaction(() => {
        insert.run('a')
        insert.run('b')
        return 'saved'
      }),
    ).toBe('saved')
    expect(count()).toEqual({ n: 2 })

    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0)
    database.checkpoint()
    expect(statSync(`${file}-wal`).size).toBe(0)

    database.close()
    database.close()
    expect(db.isOpen).toBe(false)
  })
})
