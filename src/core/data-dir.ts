import { chmodSync, mkdirSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { readDataLocation, type PendingDataDir } from './data-location'

/** The folder name Electron derives `userData` from (the product name). */
export const APP_DIR_NAME = 'Parallax'

export interface DataDirSources {
  /** An explicit choice, e.g. `--data-dir`; wins over everything else. */
  explicit?: string | undefined
  /**
   * Apply a folder change chosen in a page (`--accept-data-dir`, or the desktop app's confirm
   * dialog said yes). A change confirmed in the desktop app's folder dialog applies anyway.
   */
  acceptPending?: boolean
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
  /** This start applies a change chosen in Settings: `dir` is its folder. */
  applying?: PendingDataDir
  /** The folder in use before `applying`; start-up falls back to it if `dir` cannot be opened. */
  previousDir?: string
  /** A change chosen in Settings that waits for confirmation; `dir` is still the folder in use. */
  waiting?: PendingDataDir
}

/**
 * The per-user data folder shared by the desktop app and the web host: `--data-dir`, else
 * `PARALLAX_DATA_DIR`, else the folder chosen in Settings, else the same folder Electron's
 * `app.getPath('userData')` gives Parallax. Reads only; nothing is created or written.
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
  const saved = readDataLocation(defaultDir)
  const current: ResolvedDataDir = saved?.dataDir
    ? { dir: saved.dataDir, source: 'chosen', defaultDir }
    : { dir: defaultDir, source: 'default', defaultDir }
  const pending = saved?.pending
  if (!pending) return current
  if (!pending.confirmed && sources.acceptPending !== true) return { ...current, waiting: pending }
  const atDefault = resolve(pending.dataDir) === resolve(defaultDir)
  return {
    dir: pending.dataDir,
    source: atDefault ? 'default' : 'chosen',
    defaultDir,
    applying: pending,
    previousDir: current.dir,
  }
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
  /** The folder chosen in Settings could not be created or opened; `dir` is the one used before. */
  unavailable?: string
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

/**
 * Creates the folder owner-only (POSIX) if it does not exist yet, and narrows one an older
 * version or another tool left readable by others (`mkdir`'s mode applies only on creation).
 */
export function ensureDataDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  if (process.platform !== 'win32' && (statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700)
  return dir
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined
}
