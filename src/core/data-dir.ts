import { mkdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

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

/**
 * The per-user data folder shared by the desktop app and the web host: `--data-dir`, else
 * `PARALLAX_DATA_DIR`, else the same folder Electron's `app.getPath('userData')` gives Parallax.
 */
export function resolveDataDir(sources: DataDirSources = {}): string {
  const env = sources.env ?? process.env
  const cwd = sources.cwd ?? process.cwd()
  const chosen = nonEmpty(sources.explicit) ?? nonEmpty(env.PARALLAX_DATA_DIR)
  if (chosen !== undefined) return resolve(cwd, chosen)
  return defaultDataDir(sources.platform ?? process.platform, env, sources.home ?? homedir())
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
