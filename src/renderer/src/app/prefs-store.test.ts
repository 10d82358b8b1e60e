// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { RpcFailure } from '../../../shared/rpc-result'
import { createFakeClient } from '../test-support/fake-client'
import {
  flushPrefs,
  getPref,
  LEGACY_STORAGE_KEYS,
  loadPrefs,
  resetPrefs,
  setPref,
  subscribePrefs,
} from './prefs-store'

beforeEach(() => {
  resetPrefs()
  localStorage.clear()
})
afterEach(() => vi.useRealTimers())

const preset = { id: 'p1', name: 'Precise', parameters: { temperature: 0.2 }, savedAt: 1 }

describe('the renderer preferences store', () => {
  it('loads what the host keeps, then writes changes through in one call after a pause', async () => {
    const client = createFakeClient()
    await client.invoke('prefs.set', { sidebarCollapsed: true })
    await loadPrefs(client)
    expect(getPref('sidebarCollapsed')).toBe(true)

    vi.useFakeTimers()
    const heard = vi.fn()
    const unsubscribe = subscribePrefs(heard)
    setPref('presets', [preset])
    setPref('sidebarCollapsed', false)
    setPref('lastChoice', { connectionId: 'c1', model: 'm' })
    setPref('lastChoice', null)
    expect(heard).toHaveBeenCalledTimes(4)
    expect(getPref('sidebarCollapsed')).toBe(false)
    expect(client.callsTo('prefs.set')).toHaveLength(1) // only the test's own call so far
    await vi.advanceTimersByTimeAsync(250)
    expect(client.callsTo('prefs.set').slice(1)).toEqual([
      { presets: [preset], sidebarCollapsed: false, lastChoice: null },
    ])
    expect(await client.invoke('prefs.get', {})).toEqual({
      ok: true,
      value: { sidebarCollapsed: false, presets: [preset] },
    })
    unsubscribe()
  })

  it('moves values from this browser’s storage to the host once; the host’s own win', async () => {
    localStorage.setItem(
      LEGACY_STORAGE_KEYS.presets,
      JSON.stringify([preset, { id: 'b', name: '', parameters: {}, savedAt: 1 }, 'junk']),
    )
    localStorage.setItem(LEGACY_STORAGE_KEYS.sidebarCollapsed, 'true')
    localStorage.setItem(
      LEGACY_STORAGE_KEYS.lastChoice,
      JSON.stringify({ connectionId: 'old', model: 'old' }),
    )
    localStorage.setItem(LEGACY_STORAGE_KEYS.lastColumns, '{not json')
    const client = createFakeClient()
    await client.invoke('prefs.set', { lastChoice: { connectionId: 'c1', model: 'gpt' } })
    await loadPrefs(client)

    expect(client.callsTo('prefs.set').slice(1)).toEqual([
      { presets: [preset], sidebarCollapsed: true },
    ])
    expect(getPref('lastChoice')).toEqual({ connectionId: 'c1', model: 'gpt' })
    expect(getPref('presets')).toEqual([preset])
    for (const key of Object.values(LEGACY_STORAGE_KEYS))
      expect(localStorage.getItem(key)).toBeNull()

    resetPrefs()
    await loadPrefs(client)
    expect(client.callsTo('prefs.set')).toHaveLength(2) // nothing left to move
    expect(getPref('sidebarCollapsed')).toBe(true)
  })

  it('keeps the browser’s values when the host refuses them, to try again next time', async () => {
    localStorage.setItem(LEGACY_STORAGE_KEYS.sidebarCollapsed, 'true')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const client = createFakeClient({
      'prefs.set': () => {
        throw new RpcFailure('invalid_input', 'no')
      },
    })
    await loadPrefs(client)
    expect(localStorage.getItem(LEGACY_STORAGE_KEYS.sidebarCollapsed)).toBe('true')
    expect(warn).toHaveBeenCalledWith('Preferences not saved: no')
    warn.mockRestore()
  })

  it('starts from the defaults when the host cannot answer, without throwing', async () => {
    const client = createFakeClient({
      'prefs.get': () => {
        throw new RpcFailure('unauthorized', 'Missing or wrong access token')
      },
    })
    await expect(loadPrefs(client)).resolves.toBeUndefined()
    expect(getPref('presets')).toBeUndefined()
  })

  it('writes nothing anywhere before it is loaded (unit tests), and flushes as a no-op', async () => {
    setPref('sidebarCollapsed', true)
    expect(getPref('sidebarCollapsed')).toBe(true)
    await expect(flushPrefs()).resolves.toBe(true)
  })
})
