import { mkdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { copyDataFiles, readDataLocation, writeDataLocation } from './data-location'

/** The folder name Electron derives `userData` from (the product name). */
export const APP_DIR_NAME = 'Parallax'

export interface DataDirSources {
  /** An explicit choice, e.g. `--data-dir`; wins over everything else. */
  explicit?: string | undefined
  env?: NodeJS.ProcessEnv
  platform?: NodeJS.Platform
  home?: string
  cwd?: string
}

/** Where the data folder came from: a flag, the environment, Settings, or the default. */
export type DataDirSource = 'flag' | 'env' | 'chosen' | 'default'

export interface ResolvedDataDir {
  dir: string
  source: DataDirSource
  /** The default folder, which also holds the choice made in Settings. */
  defaultDir: string
}

/**
 * The per-user data folder shared by the desktop app and the web host: `--data-dir`, else
 * `PARALLAX_DATA_DIR`, else the folder chosen in Settings, else the same folder Electron's
 * `app.getPath('userData')` gives Parallax.
 */
export function resolveDataLocation(sources: DataDirSources = {}): ResolvedDataDir {
  const env = sources.env ?? process.env
  const cwd = sources.cwd ?? process.cwd()
  const defaultDir = defaultDataDir(
    sources.platform ?? process.platform,
    env,
    sources.home ?? homedir(),
  )
  const flag = nonEmpty(sources.explicit)
  if (flag !== undefined) return { dir: resolve(cwd, flag), source: 'flag', defaultDir }
  const fromEnv = nonEmpty(env.PARALLAX_DATA_DIR)
  if (fromEnv !== undefined) return { dir: resolve(cwd, fromEnv), source: 'env', defaultDir }
  const chosen = readDataLocation(defaultDir)
  if (chosen) return { dir: chosen.dataDir, source: 'chosen', defaultDir }
  return { dir: defaultDir, source: 'default', defaultDir }
}

export function resolveDataDir(sources: DataDirSources = {}): string {
  return resolveDataLocation(sources).dir
}

/** The data folder as start-up left it, and what it did on the way. */
export interface PreparedDataDir extends ResolvedDataDir {
  /** The data was copied from this folder into `dir`, as Settings asked. */
  copiedFrom?: string
  /** Copying from this folder failed; `dir` holds whatever was copied before the failure. */
  copyFailed?: { from: string; reason: string }
  /** The folder chosen in Settings could not be created or opened; `dir` is the default. */
  unavailable?: string
}

/**
 * Creates the data folder, and when Settings asked for it at the last run, copies the old
 * folder's files into the chosen one first (once; the originals stay). A chosen folder that
 * cannot be created (say, on a disk that is not mounted) falls back to the default folder, so
 * Parallax still starts and can say why.
 */
export function prepareDataDir(location: ResolvedDataDir): PreparedDataDir {
  if (location.source !== 'chosen') {
    ensureDataDir(location.dir)
    return location
  }
  try {
    ensureDataDir(location.dir)
  } catch {
    ensureDataDir(location.defaultDir)
    return {
      dir: location.defaultDir,
      source: 'default',
      defaultDir: location.defaultDir,
      unavailable: location.dir,
    }
  }
  const saved = readDataLocation(location.defaultDir)
  if (!saved?.copyFrom) return location
  const from = saved.copyFrom
  // Copied once: whatever happens, the next start does not copy again.
  const atDefault = resolve(saved.dataDir) === resolve(location.defaultDir)
  writeDataLocation(location.defaultDir, atDefault ? null : { dataDir: saved.dataDir })
  try {
    copyDataFiles(from, location.dir)
    return { ...location, copiedFrom: from }
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unknown'
    return { ...location, copyFailed: { from, reason } }
  }
}

export function defaultDataDir(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  home: string,
): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME)
  if (platform === 'win32') {
    return join(nonEmpty(env.APPDATA) ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME)
  }
  return join(nonEmpty(env.XDG_CONFIG_HOME) ?? join(home, '.config'), APP_DIR_NAME)
}

/** Creates the folder (owner-only on POSIX) if it does not exist yet. */
export function ensureDataDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  return dir
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined
}
