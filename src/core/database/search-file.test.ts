import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ChatCorpus } from '../../../test/history/chat-corpus'
import { searchIndexEntries } from '../../../test/history/search-index-entries'
import { openHistoryStore, type OpenedHistoryStore } from '../history/open-history-store'
import { searchFileOf } from './search-file'

let dir: string
let file: string
const stores: OpenedHistoryStore[] = []
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-search-file-'))
  file = join(dir, 'history.sqlite')
})
afterEach(() => {
  for (const store of stores.splice(0)) store.close()
  rmSync(dir, { recursive: true, force: true })
})

function open(): { store: OpenedHistoryStore; db: DatabaseSync } {
  let db!: DatabaseSync
  const store = openHistoryStore({ file, configureConnection: (handle) => (db = handle) })
  stores.push(store)
  return { store, db }
}

function close(store: OpenedHistoryStore): void {
  stores.splice(stores.indexOf(store), 1)
  store.close()
}

const corpus = () => [...new ChatCorpus({ messages: 2_000, conversations: 40 }).batches(20)]
const found = (store: OpenedHistoryStore, query: string) =>
  store.search({ query, limit: 100 }).hits.length
/** The newest 100 items found for `query`, prompts, answers and titles alike. */
const hitKeys = (store: OpenedHistoryStore, query: string) =>
  store
    .search({ query, limit: 100 })
    .hits.map((hit) => `${hit.kind}:${hit.runId ?? hit.messageId ?? hit.conversationId}`)

describe('the search file', () => {
  it('is named after the app database', () => {
    expect(searchFileOf('/data/history.sqlite')).toBe('/data/history.search.sqlite')
    expect(searchFileOf('C:\\data\\history.db')).toBe('C:\\data\\history.search.db')
    expect(searchFileOf('/data.dir/history')).toBe('/data.dir/history.search')
  })

  it('is created beside the database, owner-only, and holds the index (not the main file)', () => {
    const { store, db } = open()
    const c = store.createConversation({ title: 'quillwort notes' })
    store.addMessage({ conversationId: c.id, content: 'about quillwort' })
    expect(found(store, 'quillwort')).toBe(2)
    const search = searchFileOf(file)
    if (process.platform !== 'win32') expect(statSync(search).mode & 0o777).toBe(0o600)
    const tables = (schema: string) =>
      db
        .prepare(`SELECT name FROM ${schema}.sqlite_schema WHERE name LIKE 'search_%' ORDER BY 1`)
        .all()
        .map((row) => row.name)
    expect(tables('main')).toEqual(['search_rebuild', 'search_sync'])
    expect(tables('search')).toEqual(expect.arrayContaining(['search_short', 'search_trigram']))
  })

  it('finds what an import added as soon as the import returns (search waits for the writer)', () => {
    const { store } = open()
    const batches = corpus()
    for (const batch of batches) store.importJson(batch)
    const last = batches.at(-1)?.conversations.at(-1)
    const words = (last?.runs.at(-1)?.answer ?? '').slice(0, 30)
    const hits = store.search({ query: words, match: 'phrase' }).hits
    expect(hits.map((hit) => hit.conversationId)).toContain(last?.id)
  })

  it('is rebuilt from the rows when deleted, damaged or from another database', () => {
    const first = open()
    for (const batch of corpus()) first.store.importJson(batch)
    first.store.addMessage({
      conversationId: first.store.createConversation({ title: 'x' }).id,
      content: 'a model once more',
    })
    const expected = hitKeys(first.store, 'model')
    expect(expected).toHaveLength(100)
    close(first.store)
    const search = searchFileOf(file)
    const mainBytes = readFileSync(file)

    rmSync(search)
    const afterDelete = open()
    expect(hitKeys(afterDelete.store, 'model')).toEqual(expected)
    close(afterDelete.store)

    writeFileSync(search, 'not a database at all, just bytes '.repeat(100))
    const afterGarbage = open()
    expect(afterGarbage.store.notices).toEqual([]) // derived data: nothing was lost
    expect(hitKeys(afterGarbage.store, 'model')).toEqual(expected)
    close(afterGarbage.store)

    // Another database's search file (say, after a restore): its token does not match.
    const other = new DatabaseSync(search)
    other.exec(`UPDATE search_sync SET token = 'from elsewhere'`)
    other.exec(`INSERT INTO search_trigram (search_trigram) VALUES ('delete-all')`)
    other.close()
    const afterForeign = open()
    expect(hitKeys(afterForeign.store, 'model')).toEqual(expected)
    close(afterForeign.store)
    expect(existsSync(file)).toBe(true)
    expect(readFileSync(file).length).toBeGreaterThanOrEqual(mainBytes.length - 16384)
  })

  it('stops writing the index after a background write failed, and rebuilds it at the next open', () => {
    const { store } = open()
    const [firstBatch, ...rest] = corpus()
    store.importJson(firstBatch)
    store.settleSearch()
    // The writer's connection is open; take its short index away from under it.
    const other = new DatabaseSync(searchFileOf(file))
    other.exec('DROP TABLE search_short')
    other.close()
    for (const batch of rest) store.importJson(batch) // the rows commit; the index write fails
    const c = store.createConversation({ title: 'after the failure' })
    store.addMessage({ conversationId: c.id, content: 'quillwortish words' })
    // Nothing more goes into the damaged index (not even in place): it is left for the rebuild.
    expect(found(store, 'quillwortish')).toBe(0)
    close(store)

    const reopened = open()
    expect(found(reopened.store, 'quillwortish')).toBe(1)
    const last = rest.at(-1)?.conversations.at(-1)
    const words = (last?.runs.at(-1)?.answer ?? '').slice(0, 30)
    const hits = reopened.store.search({ query: words, match: 'phrase' }).hits
    expect(hits.map((hit) => hit.conversationId)).toContain(last?.id)
  })
})

describe('an import indexed while its rows go in', () => {
  it('takes its entries out again when the rows roll back (the disk filled up mid-import)', () => {
    const { store, db } = open()
    const c = store.createConversation({ title: 'before the import' })
    store.addMessage({ conversationId: c.id, content: 'kept quillwort text' })
    const before = searchIndexEntries(db)
    const [big] = [...new ChatCorpus({ messages: 40_000, conversations: 800 }).batches(800)]
    // Room for the first parts of the import's rows, not for all of them.
    const { page_count } = db.prepare('PRAGMA page_count').get() as { page_count: number }
    db.exec(`PRAGMA max_page_count = ${page_count + 900}`)
    expect(() => store.importJson(big)).toThrow(/full/)
    db.exec('PRAGMA max_page_count = 1073741823')
    expect(store.listConversations().items).toHaveLength(1)
    // The writer had indexed parts of it; they are gone, and the index is as it was.
    store.settleSearch()
    expect(searchIndexEntries(db)).toEqual(before)
    expect(found(store, 'model')).toBe(0)
    // Nothing was suspended: the index goes on taking writes, and the files are in sync.
    store.addMessage({ conversationId: c.id, content: 'a model after the failure' })
    expect(found(store, 'model')).toBe(1)
    const tokens = ['main', 'search'].map(
      (schema) => db.prepare(`SELECT token FROM ${schema}.search_sync`).get()?.token,
    )
    expect(tokens[0]).toBe(tokens[1])
  })
})
