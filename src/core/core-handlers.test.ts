import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatcher, type Dispatch } from '../shared/dispatch'
import type { Core } from './create-core'
import { okValue, openTestCore } from '../../test/support/test-core'

const KEY = 'sk-proj-handlersTestKey000000000000000000000000000000'

async function openAt(dir: string): Promise<{ core: Core; call: Dispatch<void> }> {
  const core = await openTestCore(dir)
  return { core, call: createDispatcher(core.handlers) }
}

describe('core handlers through the contract', () => {
  let dir: string
  let a: Awaited<ReturnType<typeof openAt>>
  let b: Awaited<ReturnType<typeof openAt>>

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-core-'))
    a = await openAt(join(dir, 'a'))
    b = await openAt(join(dir, 'b'))
  })
  afterAll(async () => {
    await a.core.close()
    await b.core.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('renames, pins, tags, exports and re-imports a conversation without any secret', async () => {
    await a.call('connections.create', {
      provider: 'openai',
      label: 'work',
      fields: { apiKey: KEY },
    })
    const conversation = a.core.history.createConversation({ title: '모델 비교' })
    a.core.history.addMessage({
      conversationId: conversation.id,
      content: 'Which embedding model?',
    })

    const updated = okValue<{ title: string; pinned: boolean; tags: string[] }>(
      await a.call('history.update', {
        id: conversation.id,
        title: 'Embeddings',
        pinned: true,
        tags: ['work'],
      }),
    )
    expect(updated).toMatchObject({ title: 'Embeddings', pinned: true, tags: ['work'] })

    const json = okValue<{ content: string; fileName: string }>(
      await a.call('history.export', { format: 'json' }),
    )
    const markdown = okValue<{ content: string }>(
      await a.call('history.export', { format: 'markdown' }),
    )
    expect(json.fileName).toMatch(/^parallax-history-all-\d{4}-\d{2}-\d{2}-\d{4}\.json$/)
    const one = okValue<{ fileName: string }>(
      await a.call('history.export', { format: 'markdown', conversationIds: [conversation.id] }),
    )
    expect(one.fileName).toMatch(/^parallax-embeddings-\d{4}-\d{2}-\d{2}-\d{4}\.md$/)
    expect(markdown.content).toContain('Embeddings')
    for (const text of [json.content, markdown.content]) expect(text).not.toContain(KEY.slice(8))

    const first = okValue<{ conversations: { added: number } }>(
      await b.call('history.import', { data: JSON.parse(json.content) }),
    )
    expect(first.conversations.added).toBe(1)
    const again = okValue<{ conversations: { added: number; existing: number } }>(
      await b.call('history.import', { data: json.content }),
    )
    expect(again.conversations).toEqual({ added: 0, existing: 1 })
    const listed = okValue<{ items: { title: string }[] }>(await b.call('history.list', {}))
    expect(listed.items.map((item) => item.title)).toEqual(['Embeddings'])

    expect(
      okValue<{ deleted: boolean }>(await b.call('history.delete', { id: conversation.id }))
        .deleted,
    ).toBe(true)
    expect(await b.call('history.get', { id: conversation.id })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
  })

  it('names the bad field of a broken import and of a bad run request', async () => {
    const broken = await b.call('history.import', {
      data: { format: 'parallax-history', version: 1, conversations: [{}] },
    })
    expect(broken).toMatchObject({ ok: false, error: { kind: 'invalid_input' } })
    expect(broken.ok ? '' : broken.error.field).toBe('data.exportedAt')

    expect(
      await a.call('runs.startChat', { connectionId: 'nope', model: 'gpt-4.1', prompt: 'Hi' }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'not_found', field: 'connectionId' },
    })
    expect(
      await a.call('compare.start', { prompt: 'Hi', targets: [{ connectionId: 'x', model: 'm' }] }),
    ).toMatchObject({ ok: false, error: { kind: 'invalid_input', field: 'targets' } })
  })

  it('keeps settings, applies them, and clears history only when confirmed', async () => {
    expect(
      okValue<{ maxRetries: number; dataDir: string }>(await a.call('settings.get', {})),
    ).toMatchObject({
      maxRetries: 2,
      dataDir: join(dir, 'a'),
    })
    expect(
      okValue<{ language: string }>(await a.call('settings.update', { language: 'ko' })).language,
    ).toBe('ko')
    expect(await a.call('settings.update', { maxRetries: 50 })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input', field: 'maxRetries' },
    })
    expect(await a.call('settings.update', { dataDir: '/elsewhere' })).toMatchObject({
      ok: false,
      error: { field: 'dataDir' },
    })

    a.core.history.createConversation({ title: 'one' })
    a.core.history.createConversation({ title: 'two' })
    expect(await a.call('history.clear', {})).toMatchObject({
      ok: false,
      error: { field: 'confirm' },
    })
    const cleared = okValue<{ deleted: number }>(await a.call('history.clear', { confirm: true }))
    expect(cleared.deleted).toBeGreaterThanOrEqual(2)
    expect(
      okValue<{ items: unknown[] }>(await a.call('history.list', { archived: 'all' })).items,
    ).toEqual([])
    // Connections and their keys stay.
    expect(
      okValue<{ connections: unknown[] }>(await a.call('connections.list', {})).connections.length,
    ).toBe(1)
  })
})
