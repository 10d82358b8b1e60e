import { afterEach, describe, expect, it, vi } from 'vitest'
import { RpcFailure } from '../../../shared/rpc-result'
import { createFakeClient } from './fake-client'
import { providers } from './providers'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('the fake host answers as a real host does', () => {
  it('lists the real providers and records what was sent', async () => {
    const client = createFakeClient()
    const answer = await client.invoke('providers.list', {})
    expect(answer).toEqual({ ok: true, value: { providers } })
    expect(providers.map((provider) => provider.id)).toContain('bedrock')
    expect(client.callsTo('providers.list')).toEqual([{}])
  })

  it('refuses a malformed input, naming the field, without calling the handler', async () => {
    const create = vi.fn(() => {
      throw new Error('not reached')
    })
    const client = createFakeClient({ 'connections.create': create })
    const answer = await client.invoke('connections.create', {
      provider: 'openai',
      label: '',
      fields: {},
    })
    expect(answer).toMatchObject({ ok: false, error: { kind: 'invalid_input', field: 'label' } })
    expect(create).not.toHaveBeenCalled()
  })

  it('turns RpcFailure into an error answer, and an answer that breaks the contract into internal', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const client = createFakeClient({
      'history.delete': () => {
        throw new RpcFailure('not_found', 'No such conversation', 'id')
      },
      'history.list': () => ({ items: 'none' }) as never,
    })
    expect(await client.invoke('history.delete', { id: 'x' })).toEqual({
      ok: false,
      error: { kind: 'not_found', message: 'No such conversation', field: 'id' },
    })
    const broken = await client.invoke('history.list', {})
    expect(broken).toMatchObject({ ok: false, error: { kind: 'internal' } })
    expect(warn).toHaveBeenCalledWith('fake host: history.list failed', expect.anything())
  })

  it('answers unknown_method for what a test did not fake, and keeps state between calls', async () => {
    const client = createFakeClient()
    expect(await client.invoke('runs.stop', { runId: 'r1' })).toMatchObject({
      ok: false,
      error: { kind: 'unknown_method' },
    })
    await client.invoke('settings.update', { theme: 'dark' })
    expect(await client.invoke('settings.get', {})).toMatchObject({
      ok: true,
      value: { theme: 'dark' },
    })
  })

  it('pushes events to listeners until they unsubscribe', () => {
    const client = createFakeClient()
    const seen: string[] = []
    const off = client.on('run.queued', (payload) => seen.push(payload.runId))
    expect(client.listening()).toBe(1)
    const payload = { runId: 'r1', conversationId: 'c1', status: 'queued' as const, ahead: 1 }
    client.emit('run.queued', payload)
    off()
    client.emit('run.queued', payload)
    expect(seen).toEqual(['r1'])
    expect(client.listening()).toBe(0)
  })
})
