import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { prepareDataDir, resolveDataLocation } from './data-dir'
import {
  checkNewDataDir,
  copyDataFiles,
  DATA_LOCATION_FILE,
  readDataLocation,
  writeDataLocation,
} from './data-location'

let base: string
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'parallax-location-'))
})
afterEach(() => rmSync(base, { recursive: true, force: true }))

describe('the data folder chosen in Settings', () => {
  it('is read from the default folder, and an unreadable or relative choice is ignored', () => {
    const defaultDir = join(base, 'default')
    expect(readDataLocation(defaultDir)).toBeUndefined()
    writeDataLocation(defaultDir, { dataDir: join(base, 'chosen') })
    expect(readDataLocation(defaultDir)).toEqual({ dataDir: join(base, 'chosen') })
    if (process.platform !== 'win32') {
      expect(statSync(join(defaultDir, DATA_LOCATION_FILE)).mode & 0o777).toBe(0o600)
    }
    writeFileSync(join(defaultDir, DATA_LOCATION_FILE), '{ not json')
    expect(readDataLocation(defaultDir)).toBeUndefined()
    writeFileSync(join(defaultDir, DATA_LOCATION_FILE), JSON.stringify({ dataDir: 'relative' }))
    expect(readDataLocation(defaultDir)).toBeUndefined()
    writeDataLocation(defaultDir, null)
    expect(existsSync(join(defaultDir, DATA_LOCATION_FILE))).toBe(false)
  })

  it('comes after --data-dir and PARALLAX_DATA_DIR, before the default', () => {
    const env = { XDG_CONFIG_HOME: base }
    const sources = { env, platform: 'linux' as const, home: '/home/ada' }
    const defaultDir = join(base, 'Parallax')
    expect(resolveDataLocation(sources)).toEqual({ dir: defaultDir, source: 'default', defaultDir })
    writeDataLocation(defaultDir, { dataDir: join(base, 'chosen') })
    expect(resolveDataLocation(sources)).toEqual({
      dir: join(base, 'chosen'),
      source: 'chosen',
      defaultDir,
    })
    expect(
      resolveDataLocation({ ...sources, env: { ...env, PARALLAX_DATA_DIR: '/from/env' } }),
    ).toMatchObject({ dir: '/from/env', source: 'env' })
    expect(resolveDataLocation({ ...sources, explicit: '/from/flag' })).toMatchObject({
      dir: '/from/flag',
      source: 'flag',
    })
  })
})

describe('checkNewDataDir', () => {
  it('names what is wrong with the folder', () => {
    const current = join(base, 'current')
    mkdirSync(current)
    writeFileSync(join(base, 'a-file'), '')
    expect(checkNewDataDir('relative/path', current, true)).toBe('not_absolute')
    expect(checkNewDataDir(`${current}/`, current, true)).toBe('same_folder')
    expect(checkNewDataDir(join(current, 'inner'), current, true)).toBe('inside_current')
    expect(checkNewDataDir(join(base, 'a-file'), current, true)).toBe('not_a_folder')
    const full = join(base, 'full')
    mkdirSync(full)
    writeFileSync(join(full, 'history.sqlite'), 'data')
    expect(checkNewDataDir(full, current, true)).toBe('holds_data')
    // Without copying, a folder with Parallax data in it is a fine choice: it is used as it is.
    expect(checkNewDataDir(full, current, false)).toBeNull()
    expect(readFileSync(join(full, 'history.sqlite'), 'utf8')).toBe('data')
  })

  it('creates a new folder and proves it can write there', () => {
    const target = join(base, 'new', 'nested')
    expect(checkNewDataDir(target, join(base, 'current'), true)).toBeNull()
    expect(statSync(target).isDirectory()).toBe(true)
    if (process.platform !== 'win32' && process.getuid?.() !== 0) {
      const locked = join(base, 'locked')
      mkdirSync(locked, { mode: 0o500 })
      expect(checkNewDataDir(join(locked, 'x'), join(base, 'current'), true)).toBe('not_writable')
      chmodSync(locked, 0o700)
    }
  })
})

describe('copying the data', () => {
  it("copies Parallax's files with their modes, never over one already there", () => {
    const from = join(base, 'from')
    const to = join(base, 'to')
    mkdirSync(from)
    mkdirSync(to)
    writeFileSync(join(from, 'history.sqlite'), 'db')
    writeFileSync(join(from, 'vault.json'), 'vault', { mode: 0o600 })
    writeFileSync(join(from, 'settings.json'), 'old settings')
    writeFileSync(join(from, 'unrelated.txt'), 'not ours')
    writeFileSync(join(to, 'settings.json'), 'new settings')
    expect(copyDataFiles(from, to).sort()).toEqual(['history.sqlite', 'vault.json'])
    expect(readFileSync(join(to, 'settings.json'), 'utf8')).toBe('new settings')
    expect(existsSync(join(to, 'unrelated.txt'))).toBe(false)
    expect(readFileSync(join(from, 'history.sqlite'), 'utf8')).toBe('db')
    if (process.platform !== 'win32')
      expect(statSync(join(to, 'vault.json')).mode & 0o777).toBe(0o600)
  })

  it('happens once, at the start after the choice, and a failure is reported, not thrown', () => {
    const defaultDir = join(base, 'Parallax')
    const chosen = join(base, 'chosen')
    mkdirSync(defaultDir)
    writeFileSync(join(defaultDir, 'history.sqlite'), 'db')
    writeDataLocation(defaultDir, { dataDir: chosen, copyFrom: defaultDir })
    const location = { dir: chosen, source: 'chosen' as const, defaultDir }
    expect(prepareDataDir(location)).toEqual({ ...location, copiedFrom: defaultDir })
    expect(readFileSync(join(chosen, 'history.sqlite'), 'utf8')).toBe('db')
    expect(readDataLocation(defaultDir)).toEqual({ dataDir: chosen })
    expect(prepareDataDir(location)).toEqual(location)

    // A copy that fails is reported (and not tried again); Parallax still starts.
    const broken = join(base, 'broken')
    mkdirSync(join(broken, 'history.sqlite'), { recursive: true })
    const other = join(base, 'other')
    writeDataLocation(defaultDir, { dataDir: other, copyFrom: broken })
    expect(prepareDataDir({ ...location, dir: other })).toMatchObject({
      dir: other,
      copyFailed: { from: broken, reason: expect.any(String) },
    })
    expect(readDataLocation(defaultDir)).toEqual({ dataDir: other })
  })

  it('falls back to the default folder when the chosen one cannot be created', () => {
    const defaultDir = join(base, 'Parallax')
    writeFileSync(join(base, 'blocker'), '')
    // A file stands where the chosen folder's parent should be (like a disk not mounted).
    const chosen = join(base, 'blocker', 'data')
    writeDataLocation(defaultDir, { dataDir: chosen })
    const location = resolveDataLocation({
      env: { XDG_CONFIG_HOME: base },
      platform: 'linux',
      home: '/home/ada',
    })
    expect(location).toMatchObject({ dir: chosen, source: 'chosen' })
    expect(prepareDataDir(location)).toEqual({
      dir: defaultDir,
      source: 'default',
      defaultDir,
      unavailable: chosen,
    })
    // The choice is kept, so the next start tries the chosen folder again.
    expect(readDataLocation(defaultDir)).toEqual({ dataDir: chosen })
  })
})
