import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openHistoryStore, type OpenedHistoryStore } from './open-history-store'

let dir: string
let file: string
let store: OpenedHistoryStore
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-conversation-changes-'))
  file = join(dir, 'history.sqlite')
  store = openHistoryStore({ file })
})
afterEach(() => {
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

const titles = (query: string) =>
  store
    .search({ query, kinds: ['title'] })
    .hits.map((hit) => hit.conversationId)
    .sort()

/** Another connection to the same file, as a tool or a second process would have. */
function onTheSameFile(sql: string): void {
  const other = new DatabaseSync(file)
  try {
    other.exec(sql)
  } finally {
    other.close()
  }
}

describe('updateConversation', () => {
  it('renames, pins, archives and tags in one call', () => {
    const c = store.createConversation({ title: 'Draft' })
    const updated = store.updateConversation(c.id, {
      title: 'Embeddings',
      pinned: true,
      archived: true,
      tags: ['work', 'rag'],
    })
    expect(updated).toMatchObject({
      title: 'Embeddings',
      pinned: true,
      archived: true,
      tags: ['work', 'rag'],
    })
    expect(store.getConversation(c.id).conversation).toEqual(updated)
    expect(titles('Embeddings')).toEqual([c.id])
    expect(titles('Draft')).toEqual([])
    // A field left out stays as it is.
    expect(store.updateConversation(c.id, { pinned: false })).toMatchObject({
      title: 'Embeddings',
      pinned: false,
      archived: true,
      tags: ['work', 'rag'],
    })
  })

  it('applies nothing when a later part of the change fails: title and search index unchanged', () => {
    const c = store.createConversation({ title: 'Draft', tags: ['old'] })
    // The tags write fails inside SQLite, after the rename has already been written.
    onTheSameFile(`CREATE TRIGGER refuse_tags BEFORE UPDATE OF tags ON conversations
      BEGIN SELECT RAISE(ABORT, 'tags refused'); END`)

    expect(() => store.updateConversation(c.id, { title: 'Renamed', tags: ['new'] })).toThrow(
      /tags refused/,
    )

    expect(store.getConversation(c.id).conversation).toMatchObject({
      title: 'Draft',
      tags: ['old'],
    })
    expect(titles('Draft')).toEqual([c.id])
    expect(titles('Renamed')).toEqual([])

    onTheSameFile('DROP TRIGGER refuse_tags')
    expect(store.updateConversation(c.id, { title: 'Renamed', tags: ['new'] })).toMatchObject({
      title: 'Renamed',
      tags: ['new'],
    })
  })

  it('refuses an unknown id with not found, changing nothing', () => {
    expect(() => store.updateConversation('missing', { title: 'x' })).toThrow(
      expect.objectContaining({ kind: 'not_found', field: 'id' }),
    )
    expect(store.listConversations({ archived: 'all' }).items).toEqual([])
  })
})

describe('clear', () => {
  it('deletes every conversation with its prompts and runs, and their search entries', () => {
    const ids: string[] = []
    for (let i = 0; i < 3; i++) {
      const c = store.createConversation({ title: `Zebra talk ${i}` })
      const m = store.addMessage({ conversationId: c.id, content: 'zebra stripes prompt' })
      const run = store.createRun({ messageId: m.id, provider: 'openai', model: 'gpt-4.1' })
      store.finishRun(run.id, { status: 'done', answer: 'zebra stripes answer' })
      ids.push(run.id)
    }
    store.updateConversation(store.listConversations().items[0]?.id ?? '', { archived: true })
    expect(store.search({ query: 'zebra' }).hits.length).toBeGreaterThan(0)

    expect(store.clear()).toBe(3)

    expect(store.listConversations({ archived: 'all' }).items).toEqual([])
    expect(store.search({ query: 'zebra', includeArchived: true }).hits).toEqual([])
    for (const id of ids) expect(() => store.getRun(id)).toThrow(/No run/)
    // The index stays usable: new text is found, and nothing of the old comes back with it.
    const fresh = store.createConversation({ title: 'Zebra again' })
    expect(store.search({ query: 'zebra', includeArchived: true }).hits).toEqual([
      expect.objectContaining({ conversationId: fresh.id, kind: 'title' }),
    ])
    expect(store.clear()).toBe(1)
    expect(store.clear()).toBe(0)
  })
})
