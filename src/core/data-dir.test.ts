import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultDataDir, ensureDataDir, resolveDataDir } from './data-dir'

describe('resolveDataDir', () => {
  const home = '/home/ada'

  it('matches the folder Electron gives the desktop app on each platform', () => {
    expect(defaultDataDir('linux', {}, home)).toBe('/home/ada/.config/Parallax')
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, home)).toBe('/xdg/Parallax')
    expect(defaultDataDir('darwin', {}, home)).toBe(
      '/home/ada/Library/Application Support/Parallax',
    )
    expect(defaultDataDir('win32', { APPDATA: 'C:/Users/ada/AppData/Roaming' }, home)).toBe(
      join('C:/Users/ada/AppData/Roaming', 'Parallax'),
    )
  })

  it('prefers --data-dir, then PARALLAX_DATA_DIR, and resolves relative paths', () => {
    const env = { PARALLAX_DATA_DIR: '/from/env' }
    expect(resolveDataDir({ explicit: 'mine', env, cwd: '/work', home })).toBe('/work/mine')
    expect(resolveDataDir({ env, home, platform: 'linux' })).toBe('/from/env')
    expect(
      resolveDataDir({ explicit: '  ', env: { PARALLAX_DATA_DIR: '' }, home, platform: 'linux' }),
    ).toBe('/home/ada/.config/Parallax')
  })

  it('creates the folder readable by its owner only', () => {
    const base = mkdtempSync(join(tmpdir(), 'parallax-data-'))
    try {
      const dir = ensureDataDir(join(base, 'nested', 'Parallax'))
      const mode = statSync(dir).mode & 0o777
      if (process.platform !== 'win32') expect(mode).toBe(0o700)
      expect(statSync(dir).isDirectory()).toBe(true)
    } finally {
      rmSync(base, { recursive: true, force: true })
    }
  })
})
