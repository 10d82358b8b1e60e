import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSettingsStore, SETTINGS_FILE_NAME } from './settings-store'

describe('settings store', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-settings-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('starts from the defaults and keeps changes across reopening', () => {
    const store = openSettingsStore(dir)
    expect(store.get()).toEqual({
      language: 'system',
      theme: 'system',
      requestTimeoutSeconds: 600,
      idleTimeoutSeconds: 60,
      maxRetries: 2,
    })
    store.update({ language: 'ko', maxRetries: 0 })
    expect(openSettingsStore(dir).get()).toMatchObject({
      language: 'ko',
      maxRetries: 0,
      theme: 'system',
    })
    if (process.platform !== 'win32')
      expect(statSync(join(dir, SETTINGS_FILE_NAME)).mode & 0o777).toBe(0o600)
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('refuses an out-of-range value and changes nothing', () => {
    const store = openSettingsStore(dir)
    store.update({ theme: 'dark' })
    const before = readFileSync(join(dir, SETTINGS_FILE_NAME), 'utf8')
    expect(() => store.update({ maxRetries: 99 })).toThrow()
    expect(readFileSync(join(dir, SETTINGS_FILE_NAME), 'utf8')).toBe(before)
    expect(store.get().theme).toBe('dark')
  })

  it('keeps an unreadable file aside and starts from the defaults', () => {
    writeFileSync(join(dir, SETTINGS_FILE_NAME), '{ not json')
    const store = openSettingsStore(dir, () => 42)
    expect(store.get().language).toBe('system')
    expect(readFileSync(join(dir, `${SETTINGS_FILE_NAME}.unreadable-42`), 'utf8')).toBe(
      '{ not json',
    )
  })
})
