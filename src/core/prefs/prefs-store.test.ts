import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../shared/dispatch'
import { openTestCore } from '../../../test/support/test-core'
import { openPrefsStore, PREFS_FILE_NAME } from './prefs-store'

const preset = {
  id: 'p1',
  name: 'Precise',
  parameters: { temperature: 0.2 },
  savedAt: 1,
}
const columns = [
  { connectionId: 'c1', model: 'gpt-4o', parameters: {} },
  { connectionId: 'c2', model: 'claude', parameters: { temperature: 1 } },
]

describe('preferences store', () => {
  let dir: string
  let warnings: string[]
  const open = () => openPrefsStore(dir, { warn: (line) => warnings.push(line), now: () => 42 })
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-prefs-'))
    warnings = []
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('starts empty and keeps every key across reopening, in a private file', () => {
    expect(open().get()).toEqual({})
    open().update({
      presets: [preset],
      lastChoice: { connectionId: 'c1', model: 'gpt-4o' },
      lastColumns: columns,
      sidebarCollapsed: true,
      dismissed: { notices: ['data.pending:/x'], usageWarnings: [] },
    })
    expect(open().get()).toEqual({
      presets: [preset],
      lastChoice: { connectionId: 'c1', model: 'gpt-4o' },
      lastColumns: columns,
      sidebarCollapsed: true,
      dismissed: { notices: ['data.pending:/x'], usageWarnings: [] },
    })
    if (process.platform !== 'win32')
      expect(statSync(join(dir, PREFS_FILE_NAME)).mode & 0o777).toBe(0o600)
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
    expect(warnings).toEqual([])
  })

  it('replaces only the keys given, and null removes one', () => {
    const store = open()
    store.update({ sidebarCollapsed: true, lastChoice: { connectionId: 'c', model: 'm' } })
    expect(store.update({ sidebarCollapsed: false })).toEqual({
      sidebarCollapsed: false,
      lastChoice: { connectionId: 'c', model: 'm' },
    })
    expect(store.update({ lastChoice: null })).toEqual({ sidebarCollapsed: false })
    expect(open().get()).toEqual({ sidebarCollapsed: false })
  })

  it('ignores a damaged value with a log line and still loads the others', () => {
    writeFileSync(
      join(dir, PREFS_FILE_NAME),
      JSON.stringify({
        presets: [{ id: '', name: 7 }],
        sidebarCollapsed: true,
        lastColumns: [columns[0]],
        somethingOld: 1,
      }),
    )
    expect(open().get()).toEqual({ sidebarCollapsed: true })
    expect(warnings).toEqual([
      'parallax: preferences.json: the saved "presets" is not valid and was ignored.',
      'parallax: preferences.json: the saved "lastColumns" is not valid and was ignored.',
    ])
  })

  it('keeps a file that is not JSON aside and starts empty', () => {
    writeFileSync(join(dir, PREFS_FILE_NAME), '{not json')
    const store = open()
    expect(store.get()).toEqual({})
    expect(readFileSync(join(dir, `${PREFS_FILE_NAME}.unreadable-42`), 'utf8')).toBe('{not json')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('could not be read')
    store.update({ sidebarCollapsed: true })
    expect(open().get()).toEqual({ sidebarCollapsed: true })
  })

  it('hands out copies: changing what get() returned changes nothing stored', () => {
    const store = open()
    store.update({ presets: [preset] })
    const got = store.get()
    got.presets?.pop()
    expect(store.get().presets).toHaveLength(1)
  })
})

describe('prefs.get / prefs.set through the contract', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-prefs-core-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('keeps preferences across a restart of the core and refuses invalid values', async () => {
    const first = await openTestCore(dir)
    try {
      const call = createDispatcher(first.handlers)
      const set = await call('prefs.set', { presets: [preset], sidebarCollapsed: true })
      expect(set).toEqual({ ok: true, value: { presets: [preset], sidebarCollapsed: true } })
      const bad = await call('prefs.set', { lastColumns: [columns[0]] })
      expect(bad.ok).toBe(false)
      if (!bad.ok) expect(bad.error).toMatchObject({ kind: 'invalid_input', field: 'lastColumns' })
      const unknown = await call('prefs.set', { theme: 'dark' })
      expect(unknown.ok).toBe(false)
    } finally {
      await first.close()
    }
    const second = await openTestCore(dir)
    try {
      const got = await createDispatcher(second.handlers)('prefs.get', {})
      expect(got).toEqual({ ok: true, value: { presets: [preset], sidebarCollapsed: true } })
    } finally {
      await second.close()
    }
  })
})
