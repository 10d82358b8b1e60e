import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate } from '../database/migrations'
import { transaction } from '../database/statement-cache'
import { openHistoryStore, type OpenedHistoryStore } from './open-history-store'
import { rebuildSearchIndex } from './search-index'
import {
  finishSearchRebuild,
  rebuildSearchStep,
  runSearchRebuildInBackground,
  scheduleSearchRebuild,
  searchRebuildProgress,
} from './search-rebuild'
import { shortIndexText } from './search-text'
import { searchIndexEntries } from '../../../test/history/search-index-entries'

let dir: string
const stores: OpenedHistoryStore[] = []
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-search-folding-'))
})
afterEach(() => {
  for (const store of stores.splice(0)) store.close()
  rmSync(dir, { recursive: true, force: true })
})

/** The store on `name`, and its connection (for the rebuild's own functions). */
function open(name = 'history.sqlite'): { store: OpenedHistoryStore; db: DatabaseSync } {
  let db!: DatabaseSync
  const store = openHistoryStore({
    file: join(dir, name),
    configureConnection: (handle) => (db = handle),
  })
  stores.push(store)
  return { store, db }
}

const marked = (store: OpenedHistoryStore, query: string) =>
  store.search({ query }).hits.map((hit) => hit.snippet.marked)

describe('folded search through the store', () => {
  it('finds accented, full-width and half-width text the way it is typed, highlighting the original', () => {
    const { store } = open()
    const c = store.createConversation({ title: 'Voyage' })
    store.addMessage({ conversationId: c.id, content: 'Un café crème à Zürich' })
    store.addMessage({ conversationId: c.id, content: 'ＡＢＣ全角 and ｶﾀｶﾅ' })
    store.addMessage({ conversationId: c.id, content: 'Die Straße ist lang' })
    store.addMessage({ conversationId: c.id, content: 'Học tiếng Việt' })
    expect(marked(store, 'cafe creme zurich')).toEqual(['Un «café» «crème» à «Zürich»'])
    expect(marked(store, 'CAFÉ')).toEqual(['Un «café» crème à Zürich'])
    expect(marked(store, 'abc')).toEqual(['«ＡＢＣ»全角 and ｶﾀｶﾅ'])
    expect(marked(store, 'カタカナ')).toEqual(['ＡＢＣ全角 and «ｶﾀｶﾅ»'])
    expect(marked(store, 'strasse')).toEqual(['Die «Straße» ist lang'])
    expect(marked(store, 'tieng')).toEqual(['Học «tiếng» Việt'])
    // One or two letters are whole words in the short index, folded too.
    expect(marked(store, 'a')).toEqual(['Un café crème «à» Zürich'])
  })

  it('keeps Korean and Japanese matching: two-character words, and が is not か', () => {
    const { store } = open()
    const c = store.createConversation({ title: '모델 비교' })
    store.addMessage({ conversationId: c.id, content: '임베딩 모델을 추천해 주세요' })
    store.addMessage({ conversationId: c.id, content: '東京の学校がある' })
    store.addMessage({ conversationId: c.id, content: 'かっこいい' })
    expect(marked(store, '모델')).toEqual(['임베딩 «모델»을 추천해 주세요', '«모델» 비교'])
    expect(marked(store, '東京')).toEqual(['«東京»の学校がある'])
    expect(marked(store, 'が')).toEqual(['東京の学校«が»ある'])
    expect(marked(store, 'か')).toEqual(['«か»っこいい'])
  })

  it('removes what it indexed when a conversation is renamed or deleted', () => {
    const { store, db } = open()
    const c = store.createConversation({ title: 'Café Zürich' })
    store.addMessage({ conversationId: c.id, content: 'ＡＢＣ crème brûlée' })
    store.renameConversation(c.id, 'Crème de la crème')
    expect(store.search({ query: 'zurich' }).hits).toEqual([])
    expect(store.search({ query: 'creme' }).hits.map((h) => h.kind)).toEqual(['prompt', 'title'])
    const before = searchIndexEntries(db)
    rebuildSearchIndex(db)
    expect(searchIndexEntries(db)).toEqual(before)
    store.deleteConversation(c.id)
    expect(searchIndexEntries(db)).toEqual([[], []])
  })
})

describe('re-indexing an existing database for folding (schema version 7)', () => {
  it('finds "café" indexed the old way with "cafe" after opening', () => {
    const file = join(dir, 'v6.sqlite')
    const old = new DatabaseSync(file)
    migrate(old, 0, 6)
    old.exec(`
      INSERT INTO conversations (id, title, created_at, updated_at, mode, title_doc)
        VALUES ('c1', 'Pâtisserie', 1000, 2000, 'chat', 1);
      INSERT INTO messages (doc, id, conversation_id, role, content, created_at)
        VALUES (2, 'm1', 'c1', 'user', 'Un café à Zürich, ＡＢＣ', 2000);`)
    // Version 6 indexed the stored text as it was.
    for (const [key, text] of [
      [1, 'Pâtisserie'],
      [2, 'Un café à Zürich, ＡＢＣ'],
    ] as const) {
      old.prepare('INSERT INTO search_trigram (rowid, body) VALUES (?, ?)').run(key, text)
      old
        .prepare('INSERT INTO search_short (rowid, body) VALUES (?, ?)')
        .run(key, shortIndexText(text))
    }
    expect(
      old
        .prepare(`SELECT rowid FROM search_trigram WHERE search_trigram MATCH '"caf" AND "afe"'`)
        .all(),
    ).toEqual([])
    old.close()

    const { store, db } = open('v6.sqlite')
    expect(searchRebuildProgress(db)).toBeNull()
    expect(marked(store, 'cafe zurich')).toEqual(['Un «café» à «Zürich», ＡＢＣ'])
    expect(marked(store, 'abc')).toEqual(['Un café à Zürich, «ＡＢＣ»'])
    expect(marked(store, 'patisserie')).toEqual(['«Pâtisserie»'])
    // The old entries are gone: the index is exactly what a fresh build makes.
    const after = searchIndexEntries(db)
    rebuildSearchIndex(db)
    expect(searchIndexEntries(db)).toEqual(after)
  })

  it('rebuilds a large index in steps, newest first, while the store keeps working', () => {
    const { store, db } = open()
    const c = store.createConversation({ title: 'Résumé' })
    const doomed = store.createConversation({ title: 'À supprimer' })
    store.addMessage({ conversationId: doomed.id, content: 'déjà vu' })
    for (let i = 0; i < 20; i++) store.addMessage({ conversationId: c.id, content: `élan ${i}` })
    expect(searchIndexEntries(db)[0]).not.toEqual([])
    transaction(db, () => scheduleSearchRebuild(db, 0))
    expect(searchRebuildProgress(db)).toEqual({ percent: 0 })
    expect(store.search({ query: 'elan' }).hits).toEqual([])

    // The newest keys come back first.
    rebuildSearchStep(db, 5)
    expect(searchRebuildProgress(db)?.percent).toBeGreaterThan(0)
    expect(store.search({ query: 'elan' }).hits.map((h) => h.snippet.text)).toEqual([
      'élan 19',
      'élan 18',
      'élan 17',
      'élan 16',
      'élan 15',
    ])
    // Writes go on: new items are indexed at once, items not reached yet are left to the rebuild.
    store.addMessage({ conversationId: c.id, content: 'élan new' })
    expect(store.search({ query: 'elan new' }).hits).toHaveLength(1)
    store.renameConversation(c.id, 'Curriculum vitæ')
    expect(store.deleteConversation(doomed.id)).toBe(true)

    finishSearchRebuild(db)
    expect(searchRebuildProgress(db)).toBeNull()
    expect(store.search({ query: 'elan', limit: 100 }).hits).toHaveLength(21)
    expect(marked(store, 'vitae')).toEqual(['Curriculum «vitæ»'])
    expect(store.search({ query: 'deja' }).hits).toEqual([])
    const rebuilt = searchIndexEntries(db)
    rebuildSearchIndex(db)
    expect(searchIndexEntries(db)).toEqual(rebuilt)
  })

  it('continues in the background after a restart, reporting progress, until complete', async () => {
    let { store, db } = open()
    const c = store.createConversation({ title: 'steps' })
    for (let i = 0; i < 30; i++) store.addMessage({ conversationId: c.id, content: `crème ${i}` })
    transaction(db, () => scheduleSearchRebuild(db, 0))
    rebuildSearchStep(db, 10)
    store.close()
    stores.length = 0
    ;({ store, db } = open())
    // Opening started the rest of the rebuild; it runs between other work, not during open.
    const atOpen = store.searchRebuild()?.percent ?? 0
    expect(atOpen).toBeGreaterThan(0)
    expect(store.search({ query: 'creme', limit: 100 }).hits).toHaveLength(10)
    const seen: number[] = []
    for (let turn = 0; turn < 100 && store.searchRebuild() !== null; turn++) {
      seen.push(store.searchRebuild()?.percent ?? 100)
      await new Promise((resolve) => setImmediate(resolve))
    }
    expect(store.searchRebuild()).toBeNull()
    expect(seen.length).toBeGreaterThan(0)
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
    expect(store.search({ query: 'creme', limit: 100 }).hits).toHaveLength(30)
  })

  it('stops in the background when the database closes, and a step that fails is reported', async () => {
    const { store, db } = open()
    const c = store.createConversation({ title: 'close' })
    for (let i = 0; i < 5; i++) store.addMessage({ conversationId: c.id, content: `crème ${i}` })
    transaction(db, () => scheduleSearchRebuild(db, 0))
    const errors: unknown[] = []
    runSearchRebuildInBackground(db, { onError: (error) => errors.push(error) })
    store.close()
    stores.length = 0
    await new Promise((resolve) => setImmediate(resolve))
    expect(errors).toEqual([])
  })
})
