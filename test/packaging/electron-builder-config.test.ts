import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

// Packaging cannot run here (Electron's binaries come from GitHub), so the config is checked
// with electron-builder's own loader and schema validator instead.
const require = createRequire(import.meta.url)
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(dir: string, path: string, extra: null): Promise<Record<string, unknown>>
  validateConfiguration(config: unknown, logger: unknown): Promise<void>
}
const { DebugLogger } = require('builder-util') as {
  DebugLogger: new (enabled: boolean) => unknown
}

const root = resolve(import.meta.dirname, '../..')

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema validation', async () => {
    const config = await getConfig(root, resolve(root, 'electron-builder.yml'), null)
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('would catch a misspelt option', async () => {
    const config = await getConfig(root, resolve(root, 'electron-builder.yml'), null)
    const broken = { ...config, electronFuses: { runAsNod: false } }
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(
      /Invalid configuration object/,
    )
  })

  it('names the app, its targets, the asar contents and the security fuses', async () => {
    const config = (await getConfig(root, resolve(root, 'electron-builder.yml'), null)) as {
      appId: string
      productName: string
      asar: boolean
      files: { filter: string[] }[]
      electronFuses: Record<string, boolean>
      mac: { target: string[] }
      win: { target: string[] }
      linux: { target: string[] }
    }
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/)
    expect(config.productName).toBe('Parallax')
    expect(config.asar).toBe(true)
    const files = config.files.flatMap((set) => set.filter)
    expect(files).toEqual(
      expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**']),
    )
    expect(files.some((pattern) => pattern.startsWith('src'))).toBe(false)
    expect(config.mac.target).toEqual(['dmg', 'zip'])
    expect(config.win.target).toEqual(['nsis'])
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    })
  })

  it('keeps electron-builder’s default deb dependencies, libsecret included', async () => {
    const config = (await getConfig(root, resolve(root, 'electron-builder.yml'), null)) as {
      deb?: { depends?: unknown }
    }
    // A `depends` list replaces the defaults (GTK, NSS …) instead of adding to them.
    expect(config.deb?.depends).toBeUndefined()
    const { default: FpmTarget } = require('app-builder-lib/out/targets/FpmTarget') as {
      default: { prototype: { getDefaultDepends(target: string): string[] } }
    }
    const defaults = FpmTarget.prototype.getDefaultDepends('deb')
    expect(defaults).toEqual(expect.arrayContaining(['libgtk-3-0', 'libnss3', 'libsecret-1-0']))
  })

  it('re-signs ad hoc after flipping fuses, so unsigned Apple Silicon builds launch', async () => {
    const config = (await getConfig(root, resolve(root, 'electron-builder.yml'), null)) as {
      electronFuses: Record<string, boolean>
    }
    expect(config.electronFuses.resetAdHocDarwinSignature).toBe(true)
    const broken = { ...config, electronFuses: { resetAdHocDarwinSignatur: true } }
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(
      /Invalid configuration object/,
    )
  })

  it('has an app icon large enough for every platform (≥ 512 px)', () => {
    const png = readFileSync(resolve(root, 'build/icon.png'))
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512)
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512)
  })
})
