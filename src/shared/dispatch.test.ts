import { describe, expect, it, vi } from 'vitest'
import { methodNames } from './contract'
import { createDispatcher, type Handlers } from './dispatch'
import { RpcFailure } from './rpc-result'

/** Every contract method, failing if called; tests override the ones they exercise. */
function handlers(overrides: Partial<Handlers>): Handlers {
  const unused = Object.fromEntries(
    methodNames.map((name) => [
      name,
      () => {
        throw new Error(`${name} should not be called`)
      },
    ]),
  )
  return { ...unused, ...overrides } as Handlers
}

const info = {
  name: 'Parallax',
  version: '1.2.3',
  host: 'web' as const,
  platform: 'linux',
  arch: 'x64',
  versions: { node: '24.21.0', v8: '13' },
  dataDir: '/tmp/x',
}

describe('createDispatcher', () => {
  it('validates the input, calls the handler and returns its value', async () => {
    const handler = vi.fn(() => info)
    const dispatch = createDispatcher(handlers({ 'app.info': handler }))
    expect(await dispatch('app.info', {})).toEqual({ ok: true, value: info })
    expect(handler).toHaveBeenCalledOnce()
  })

  it('names the offending field and never calls the handler on bad input', async () => {
    const handler = vi.fn(() => info)
    const dispatch = createDispatcher(handlers({ 'app.info': handler }))
    const result = await dispatch('app.info', { extra: 1 })
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid_input', field: 'extra' } })
    expect(result.ok ? '' : result.error.message).toContain('app.info')
    expect(await dispatch('app.info', 'text')).toMatchObject({
      ok: false,
      error: { kind: 'invalid_input' },
    })
    expect(handler).not.toHaveBeenCalled()
  })

  it('refuses unknown methods, including inherited property names', async () => {
    const dispatch = createDispatcher(handlers({ 'app.info': () => info }))
    for (const name of ['app.nothing', 'constructor', '__proto__', 'hasOwnProperty', '']) {
      expect(await dispatch(name, {})).toMatchObject({
        ok: false,
        error: { kind: 'unknown_method' },
      })
    }
  })

  it('turns a handler result that breaks the contract into an internal error', async () => {
    const onInternalError = vi.fn()
    const broken = handlers({ 'app.info': () => ({ ...info, version: 42 }) } as unknown as Handlers)
    const dispatch = createDispatcher(broken, { onInternalError })
    const result = await dispatch('app.info', {})
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } })
    expect(onInternalError).toHaveBeenCalledOnce()
    // The answer and the log line share one incident id.
    const incident = result.ok ? undefined : result.error.incident
    expect(incident).toMatch(/^[0-9a-f]{8}$/)
    expect(onInternalError).toHaveBeenCalledWith('app.info', expect.anything(), incident)
  })

  it('returns thrown failures as data and hides unexpected error details', async () => {
    const failing = createDispatcher(
      handlers({
        'app.info': () => {
          throw new RpcFailure('not_found', 'No such thing.', 'id')
        },
      }),
    )
    expect(await failing('app.info', {})).toEqual({
      ok: false,
      error: { kind: 'not_found', message: 'No such thing.', field: 'id' },
    })
    const crashing = createDispatcher(
      handlers({
        'app.info': () => {
          throw new Error('secret internals sk-live-123')
        },
      }),
    )
    const result = await crashing('app.info', {})
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } })
    expect(JSON.stringify(result)).not.toContain('sk-live-123')
    expect(JSON.stringify(result)).not.toContain('secret internals')
  })

  it('covers every contract method in a handler map', () => {
    // The Handlers type makes a missing method a compile error; this checks the runtime list.
    expect(methodNames).toContain('app.info')
  })
})
