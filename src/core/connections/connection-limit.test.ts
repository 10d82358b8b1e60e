import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCountingProxy, type CountingProxy } from '../../../test/fakes/counting-proxy'
import { DEFAULT_SCRIPT, type FakeServer } from '../../../test/fakes/fake-script'
import { OPENAI_FAKE_DEFAULTS, startOpenAIFake } from '../../../test/fakes/openai/openai-fake'
import { createDispatcher, type Dispatch } from '../../shared/dispatch'
import type { Core } from '../create-core'
import { okValue, openTestCore } from '../../../test/support/test-core'

describe('a connection’s limit of requests in flight', () => {
  let dir: string
  let core: Core
  let call: Dispatch<void>
  let fake: FakeServer
  let proxy: CountingProxy

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-limit-'))
    fake = await startOpenAIFake()
    proxy = await startCountingProxy(fake.url)
    core = await openTestCore(dir)
    call = createDispatcher(core.handlers)
  })
  afterAll(async () => {
    await core.close()
    await proxy.close()
    await fake.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('defaults to 8, is set on create and update (1–64), and is not a provider field', async () => {
    const fields = { apiKey: OPENAI_FAKE_DEFAULTS.compatibleKey, baseURL: `${proxy.url}/compat/v1` }
    const plain = okValue<{ id: string; maxInFlight: number }>(
      await call('connections.create', { provider: 'openai-compatible', label: 'a', fields }),
    )
    expect(plain.maxInFlight).toBe(8)

    for (const bad of [0, 65, 2.5]) {
      const refused = await call('connections.create', {
        provider: 'openai-compatible',
        label: 'b',
        fields,
        maxInFlight: bad,
      })
      expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid_input' } })
      expect(JSON.stringify(refused)).toContain('maxInFlight')
    }

    const limited = okValue<{ id: string; maxInFlight: number; fields: Record<string, string> }>(
      await call('connections.create', {
        provider: 'openai-compatible',
        label: 'c',
        fields,
        maxInFlight: 2,
      }),
    )
    expect(limited.maxInFlight).toBe(2)
    expect(Object.keys(limited.fields)).toEqual(['baseURL'])
    // A label change keeps the limit; the limit changes alone and survives a reopen of the list.
    const renamed = okValue<{ maxInFlight: number }>(
      await call('connections.update', { id: limited.id, label: 'c2' }),
    )
    expect(renamed.maxInFlight).toBe(2)
    const listed = okValue<{ connections: { id: string; maxInFlight: number }[] }>(
      await call('connections.list', {}),
    )
    expect(listed.connections.find((c) => c.id === limited.id)?.maxInFlight).toBe(2)
    const refusedField = await call('connections.update', {
      id: limited.id,
      fields: { $options: '{"maxInFlight":64}' },
    })
    expect(refusedField).toMatchObject({ ok: false, error: { kind: 'invalid_input' } })

    // The runner reads the saved limit: 6 runs at once never put more than 2 at the server.
    fake.enqueue({ ...DEFAULT_SCRIPT, delayMs: 15, times: 6 })
    const started = await Promise.all(
      Array.from({ length: 6 }, () =>
        call('runs.startChat', { connectionId: limited.id, model: 'm', prompt: 'Hi' }).then(
          (r) => okValue<{ runId: string }>(r).runId,
        ),
      ),
    )
    const done = await Promise.all(started.map((id) => core.runner.settled(id)))
    expect(done.map((d) => d?.status)).toEqual(Array(6).fill('done'))
    expect(proxy.total).toBe(6)
    expect(proxy.maxInFlight).toBe(2)

    expect(okValue(await call('runs.retryNow', { runId: started[0] as string }))).toEqual({
      retried: false,
    })
  })
})
