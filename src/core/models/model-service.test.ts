import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OPENAI_FAKE_DEFAULTS, startOpenAIFake } from '../../../test/fakes/openai/openai-fake'
import type { FakeServer } from '../../../test/fakes/fake-script'
import { createDispatcher, type Dispatch } from '../../shared/dispatch'
import type { ModelList } from '../../shared/model-schemas'
import type { Core } from '../create-core'
import { okValue, openTestCore } from '../../../test/support/test-core'

describe('models.list and models.capabilities through the contract', () => {
  let dir: string
  let fake: FakeServer
  let core: Core
  let call: Dispatch<void>
  let openaiId: string
  let deadId: string
  const opened: string[] = []

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-models-'))
    fake = await startOpenAIFake()
    core = await openTestCore(dir, { openWindow: (id) => (opened.push(id), true) })
    call = createDispatcher(core.handlers)
    const create = async (label: string, baseURL: string) =>
      okValue<{ id: string }>(
        await call('connections.create', {
          provider: 'openai',
          label,
          fields: { apiKey: OPENAI_FAKE_DEFAULTS.openaiKey, baseURL },
        }),
      ).id
    openaiId = await create('work', `${fake.url}/v1`)
    deadId = await create('offline', 'http://127.0.0.1:9/v1')
  })
  afterAll(async () => {
    await core.close()
    await fake.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('lists the provider’s models first, with catalog data, then catalog suggestions', async () => {
    const list = okValue<ModelList>(await call('models.list', { connectionId: openaiId }))
    expect(list.error).toBeUndefined()
    const listed = list.models.filter((m) => m.listed).map((m) => m.id)
    expect(listed).toEqual(expect.arrayContaining(['gpt-5.4', 'gpt-5.4-mini', 'o4-mini']))
    const firstSuggestion = list.models.findIndex((m) => !m.listed)
    expect(firstSuggestion).toBeGreaterThanOrEqual(listed.length)
    const mini = list.models.find((m) => m.id === 'gpt-5.4-mini')
    expect(mini?.capabilities).toMatchObject({
      known: true,
      contextWindow: 400000,
      reasoning: true,
      price: { inputPerMTok: 0.75, outputPerMTok: 4.5 },
    })
    expect(mini?.capabilities.modalities.input).toContain('image')
    // A suggestion the fake does not list still appears, marked as not listed.
    expect(list.models.some((m) => m.id === 'gpt-5.5' && !m.listed)).toBe(true)
  })

  it('reuses the list for a while and asks again on refresh', async () => {
    const before = fake.requests.filter((r) => r.url.startsWith('/v1/models')).length
    await call('models.list', { connectionId: openaiId })
    const cached = fake.requests.filter((r) => r.url.startsWith('/v1/models')).length
    expect(cached).toBe(before)
    await call('models.list', { connectionId: openaiId, refresh: true })
    expect(fake.requests.filter((r) => r.url.startsWith('/v1/models')).length).toBe(before + 1)
  })

  it('falls back to the catalog with the error when the provider cannot be reached', async () => {
    const list = okValue<ModelList>(await call('models.list', { connectionId: deadId }))
    expect(list.error?.kind).toBe('network')
    expect(list.models.length).toBeGreaterThan(3)
    expect(list.models.every((m) => !m.listed)).toBe(true)
    expect(JSON.stringify(list)).not.toContain(OPENAI_FAKE_DEFAULTS.openaiKey)
  })

  it('tells what a custom model id accepts, and names a bad connection', async () => {
    const caps = okValue<{ known: boolean; parameters: Record<string, { support: string }> }>(
      await call('models.capabilities', { connectionId: openaiId, model: 'my-own-model' }),
    )
    expect(caps.known).toBe(false)
    expect(caps.parameters.temperature?.support).toBe('supported')
    expect(caps).not.toHaveProperty('canonicalModel')
    const reasoning = okValue<{
      canonicalModel?: string
      parameters: Record<string, { support: string; reason?: string }>
    }>(await call('models.capabilities', { connectionId: openaiId, model: 'gpt-5.4-mini' }))
    expect(reasoning.parameters.reasoning_effort?.support).toBe('supported')
    expect(reasoning.canonicalModel).toBe('gpt-5.4-mini') // one name across clouds, for the screen
    const missing = await call('models.list', { connectionId: 'nope' })
    expect(missing).toMatchObject({ ok: false, error: { kind: 'not_found' } })
    const empty = await call('models.capabilities', { connectionId: openaiId, model: ' ' })
    expect(empty).toMatchObject({ ok: false, error: { kind: 'invalid_input', field: 'model' } })
  })

  it('opens a conversation in a window of its own only when it exists', async () => {
    const conversation = core.history.createConversation({ title: 'side by side' })
    const result = okValue<{ opened: boolean }>(
      await call('app.openWindow', { conversationId: conversation.id }),
    )
    expect(result.opened).toBe(true)
    expect(opened).toEqual([conversation.id])
    const missing = await call('app.openWindow', { conversationId: 'nope' })
    expect(missing).toMatchObject({ ok: false, error: { kind: 'not_found' } })
    expect(opened).toHaveLength(1)
  })
})
