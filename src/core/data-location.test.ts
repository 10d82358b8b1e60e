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
import { resolveDataLocation } from './data-dir'
import { acquireDataDirLock, DataDirInUseError } from './data-dir-lock'
import {
  checkNewDataDir,
  copyDataFiles,
  DATA_LOCATION_FILE,
  readDataLocation,
  settlePendingDataDir,
  writeDataLocation,
  type PendingDataDir,
} from './data-location'
import { openDataDir } from './open-data-dir'

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

  it('happens once, at the start that applies the choice, and a failure is reported, not thrown', () => {
    const defaultDir = join(base, 'Parallax')
    const chosen = join(base, 'chosen')
    mkdirSync(defaultDir)
    writeFileSync(join(defaultDir, 'history.sqlite'), 'db')
    writeDataLocation(defaultDir, { pending: pendingTo(chosen, defaultDir) })
    const first = open(resolve({ acceptPending: true }))
    expect(first).toMatchObject({ dir: chosen, source: 'chosen', copiedFrom: defaultDir })
    expect(readFileSync(join(chosen, 'history.sqlite'), 'utf8')).toBe('db')
    expect(readDataLocation(defaultDir)).toEqual({ dataDir: chosen })
    expect(open(resolve())).toEqual({ dir: chosen, source: 'chosen', defaultDir })

    // A copy that fails is reported (and not tried again); Parallax still starts.
    const broken = join(base, 'broken')
    mkdirSync(join(broken, 'history.sqlite'), { recursive: true })
    const other = join(base, 'other')
    writeDataLocation(defaultDir, { dataDir: chosen, pending: pendingTo(other, broken) })
    expect(open(resolve({ acceptPending: true }))).toMatchObject({
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
    const location = resolve()
    expect(location).toMatchObject({ dir: chosen, source: 'chosen' })
    expect(open(location)).toEqual({
      dir: defaultDir,
      source: 'default',
      defaultDir,
      unavailable: chosen,
    })
    // The choice is kept, so the next start tries the chosen folder again.
    expect(readDataLocation(defaultDir)).toEqual({ dataDir: chosen })
  })

  it('keeps the folder used before when a change being applied cannot be created', () => {
    const defaultDir = join(base, 'Parallax')
    const current = join(base, 'current')
    writeFileSync(join(base, 'blocker'), '')
    const unreachable = join(base, 'blocker', 'data')
    const pending = pendingTo(unreachable, current)
    writeDataLocation(defaultDir, { dataDir: current, pending })
    expect(open(resolve({ acceptPending: true }))).toEqual({
      dir: current,
      source: 'chosen',
      defaultDir,
      unavailable: unreachable,
    })
    expect(readDataLocation(defaultDir)).toEqual({ dataDir: current, pending })
  })
})

describe('a change chosen in a page', () => {
  it('waits for --accept-data-dir (or the desktop app’s confirm), and nothing moves meanwhile', () => {
    const defaultDir = join(base, 'Parallax')
    mkdirSync(defaultDir)
    writeFileSync(join(defaultDir, 'vault.key'), 'key', { mode: 0o600 })
    const chosen = join(base, 'chosen')
    const pending = pendingTo(chosen, defaultDir)
    writeDataLocation(defaultDir, { pending })

    const waiting = open(resolve())
    expect(waiting).toEqual({ dir: defaultDir, source: 'default', defaultDir, waiting: pending })
    expect(existsSync(join(chosen, 'vault.key'))).toBe(false)
    expect(readDataLocation(defaultDir)).toEqual({ pending })

    // --data-dir and PARALLAX_DATA_DIR win, and leave the change waiting.
    expect(resolve({ explicit: join(base, 'flag') })).not.toHaveProperty('applying')
    expect(open(resolve({ explicit: join(base, 'flag'), acceptPending: true }))).toMatchObject({
      source: 'flag',
    })
    expect(readDataLocation(defaultDir)).toEqual({ pending })

    expect(open(resolve({ acceptPending: true }))).toMatchObject({
      dir: chosen,
      copiedFrom: defaultDir,
    })
    expect(readFileSync(join(chosen, 'vault.key'), 'utf8')).toBe('key')
  })

  it('applies without asking when confirmed in the desktop app, and a declined one is dropped', () => {
    const defaultDir = join(base, 'Parallax')
    const current = join(base, 'current')
    const chosen = join(base, 'chosen')
    writeDataLocation(defaultDir, { dataDir: current, pending: pendingTo(chosen, current) })
    settlePendingDataDir(defaultDir, false)
    expect(readDataLocation(defaultDir)).toEqual({ dataDir: current })

    writeDataLocation(defaultDir, { dataDir: current, pending: pendingTo(chosen, current) })
    settlePendingDataDir(defaultDir, true)
    expect(readDataLocation(defaultDir)?.pending?.confirmed).toBe(true)
    expect(resolve()).toMatchObject({ dir: chosen, previousDir: current })
  })

  it('reads the older format, whose copy nobody confirmed, as a change that waits', () => {
    const defaultDir = join(base, 'Parallax')
    const chosen = join(base, 'chosen')
    const elsewhere = join(base, 'elsewhere')
    mkdirSync(defaultDir)
    const file = join(defaultDir, DATA_LOCATION_FILE)
    writeFileSync(file, JSON.stringify({ dataDir: chosen, copyFrom: defaultDir }))
    expect(readDataLocation(defaultDir)).toEqual({ pending: pendingTo(chosen, defaultDir, 0) })
    writeFileSync(file, JSON.stringify({ dataDir: chosen, copyFrom: elsewhere }))
    expect(resolve()).toMatchObject({
      dir: elsewhere,
      source: 'chosen',
      waiting: { dataDir: chosen },
    })
    writeFileSync(file, JSON.stringify({ dataDir: chosen }))
    expect(resolve()).toEqual({ dir: chosen, source: 'chosen', defaultDir })
    writeFileSync(file, JSON.stringify({ pending: { ...pendingTo(chosen), dataDir: 'relative' } }))
    expect(readDataLocation(defaultDir)).toBeUndefined()
  })
})

describe('openDataDir while another process has a folder', () => {
  it('is refused before it writes anything when the folder is in use', () => {
    const defaultDir = join(base, 'Parallax')
    const chosen = join(base, 'chosen')
    mkdirSync(defaultDir)
    writeFileSync(join(defaultDir, 'history.sqlite'), 'db')
    const pending = pendingTo(chosen, defaultDir)
    writeDataLocation(defaultDir, { pending })
    const holder = acquireDataDirLock(chosen, { kind: 'web' })
    try {
      expect(() => open(resolve({ acceptPending: true }))).toThrow(DataDirInUseError)
      expect(readDataLocation(defaultDir)).toEqual({ pending })
      expect(existsSync(join(chosen, 'history.sqlite'))).toBe(false)
    } finally {
      holder.release()
    }
  })

  it('does not copy from a folder another process is using, and leaves the change waiting', () => {
    const defaultDir = join(base, 'Parallax')
    const chosen = join(base, 'chosen')
    mkdirSync(defaultDir)
    writeFileSync(join(defaultDir, 'history.sqlite'), 'db')
    const pending = pendingTo(chosen, defaultDir)
    writeDataLocation(defaultDir, { pending })
    const holder = acquireDataDirLock(defaultDir, { kind: 'web' })
    try {
      const error = (() => {
        try {
          open(resolve({ acceptPending: true }))
        } catch (caught) {
          return caught as DataDirInUseError
        }
        throw new Error('expected a refusal')
      })()
      expect(error).toBeInstanceOf(DataDirInUseError)
      expect(error.message).toContain(`the data in ${defaultDir} cannot be copied to ${chosen}`)
      expect(readDataLocation(defaultDir)).toEqual({ pending })
      expect(existsSync(join(chosen, 'history.sqlite'))).toBe(false)
    } finally {
      holder.release()
    }
    // Once free, the folder the refused start locked is free too: the change applies.
    expect(open(resolve({ acceptPending: true }))).toMatchObject({ copiedFrom: defaultDir })
  })
})

function resolve(sources: { acceptPending?: boolean; explicit?: string } = {}) {
  return resolveDataLocation({
    env: { XDG_CONFIG_HOME: base },
    platform: 'linux',
    home: '/home/ada',
    ...sources,
  })
}

/** Takes the folder as a host does, and lets it go again at once. */
function open(location: ReturnType<typeof resolveDataLocation>) {
  const opened = openDataDir(location, { kind: 'web' })
  opened.lock.release()
  return opened.location
}

function pendingTo(dataDir: string, copyFrom?: string, chosenAt = 1): PendingDataDir {
  return { dataDir, ...(copyFrom ? { copyFrom } : {}), chosenAt, confirmed: false }
}
