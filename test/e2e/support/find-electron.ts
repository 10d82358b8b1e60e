import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export type ElectronLookup = { path: string } | { reason: string }

/**
 * Finds the Electron binary without triggering its download (`require('electron')` would try
 * to fetch it from GitHub on first use).
 */
export function findElectron(): ElectronLookup {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  const pathFile = join(packageDir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const candidate = override
    ? join(override, relative ?? executableName())
    : relative && join(packageDir, 'dist', relative)
  if (candidate && existsSync(candidate)) return { path: candidate }
  return {
    reason:
      'No Electron binary on this machine: the electron package downloads it from GitHub on first ' +
      'run, which this network does not allow. Run `npx install-electron` (or set ' +
      'ELECTRON_OVERRIDE_DIST_PATH) where it can download, and this spec runs.',
  }
}

function executableName(): string {
  if (process.platform === 'win32') return 'electron.exe'
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron'
  return 'electron'
}
