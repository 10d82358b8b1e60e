import { randomBytes } from 'node:crypto'
import {
  accessSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { z } from 'zod'

/**
 * A folder chosen in Settings is remembered in this file in the *default* data folder, the one
 * place both hosts can find without being told. `--data-dir` and `PARALLAX_DATA_DIR` still win.
 */
export const DATA_LOCATION_FILE = 'data-location.json'

/**
 * Every data file Parallax keeps in its data folder (SQLite's -wal and -shm go with the
 * database). The lock files (`parallax.lock*`) and `logs/` belong to the process using a folder
 * and are never copied. Nor is `backups/`: up to 7 copies of the database would multiply the
 * copy's size; they stay in the old folder, and the new one makes its own first backup at start.
 */
export const DATA_FILE_NAMES = [
  'history.sqlite',
  'history.sqlite-wal',
  'history.sqlite-shm',
  // The search index (database/search-file.ts): without it the new folder rebuilds it.
  'history.search.sqlite',
  'history.search.sqlite-wal',
  'history.search.sqlite-shm',
  'vault.json',
  'vault-desktop.json',
  'vault.key',
  'settings.json',
  'preferences.json',
] as const

const PendingDataDirSchema = z.object({
  dataDir: z.string().min(1),
  /** Copy this folder's data into `dataDir` when the change is applied. */
  copyFrom: z.string().min(1).optional(),
  chosenAt: z.number().int().nonnegative(),
  /**
   * The person chose it in the desktop app's own folder dialog, so the next start applies it. A
   * folder typed into a page waits for `--accept-data-dir` or the desktop app's confirm dialog.
   */
  confirmed: z.boolean(),
})
export type PendingDataDir = z.infer<typeof PendingDataDirSchema>

/** As saved; `copyFrom` at the top level is the older format (a change applied at next start). */
const DataLocationFileSchema = z.object({
  dataDir: z.string().min(1).optional(),
  copyFrom: z.string().min(1).optional(),
  pending: PendingDataDirSchema.optional(),
})

export interface DataLocation {
  /** The folder in use, when it is not the default one. */
  dataDir?: string
  /** A change chosen in Settings and not applied yet. */
  pending?: PendingDataDir
}

/** The choice saved in Settings, or undefined when there is none (or it cannot be read). */
export function readDataLocation(defaultDir: string): DataLocation | undefined {
  const file = join(defaultDir, DATA_LOCATION_FILE)
  if (!existsSync(file)) return undefined
  let saved: z.infer<typeof DataLocationFileSchema>
  try {
    const parsed = DataLocationFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
    if (!parsed.success) return undefined
    saved = parsed.data
  } catch {
    return undefined
  }
  const location: DataLocation = {}
  if (saved.copyFrom !== undefined && saved.pending === undefined) {
    // The older format trusted the page: its copy now waits for confirmation like any other.
    if (saved.dataDir !== undefined) {
      location.pending = {
        dataDir: saved.dataDir,
        copyFrom: saved.copyFrom,
        chosenAt: 0,
        confirmed: false,
      }
    }
    if (resolve(saved.copyFrom) !== resolve(defaultDir)) location.dataDir = saved.copyFrom
  } else {
    if (saved.dataDir !== undefined) location.dataDir = saved.dataDir
    if (saved.pending !== undefined) location.pending = saved.pending
  }
  if (location.dataDir !== undefined && !isAbsolute(location.dataDir)) delete location.dataDir
  const pending = location.pending
  if (pending && (!isAbsolute(pending.dataDir) || !absoluteOrMissing(pending.copyFrom))) {
    delete location.pending
  }
  return location.dataDir === undefined && location.pending === undefined ? undefined : location
}

/** Saves the choice atomically; `null` (or nothing to save) goes back to the default folder. */
export function writeDataLocation(defaultDir: string, location: DataLocation | null): void {
  const file = join(defaultDir, DATA_LOCATION_FILE)
  if (location === null || (location.dataDir === undefined && location.pending === undefined)) {
    rmSync(file, { force: true })
    return
  }
  const saved = {
    ...(location.dataDir !== undefined ? { dataDir: location.dataDir } : {}),
    ...(location.pending !== undefined ? { pending: location.pending } : {}),
  }
  mkdirSync(defaultDir, { recursive: true, mode: 0o700 })
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`
  writeFileSync(temp, `${JSON.stringify(saved, null, 2)}\n`, { mode: 0o600 })
  renameSync(temp, file)
}

function absoluteOrMissing(path: string | undefined): boolean {
  return path === undefined || isAbsolute(path)
}

/** True when the folder already holds Parallax data (a history database or a vault). */
export function holdsParallaxData(dir: string): boolean {
  return ['history.sqlite', 'vault.json', 'vault-desktop.json'].some((name) =>
    existsSync(join(dir, name)),
  )
}

export type DataDirProblem =
  'not_absolute' | 'same_folder' | 'inside_current' | 'not_a_folder' | 'not_writable' | 'holds_data'

/**
 * Why `target` cannot become the data folder, or null when it can. The folder is created (owner
 * only) and a file is written in it, so a folder that is not writable is caught now, not at the
 * next start. With `copying`, a folder that already holds Parallax data is refused: nothing there
 * may be overwritten.
 */
export function checkNewDataDir(
  target: string,
  current: string,
  copying: boolean,
): DataDirProblem | null {
  if (!isAbsolute(target)) return 'not_absolute'
  const to = resolve(target)
  const from = resolve(current)
  if (to === from) return 'same_folder'
  const inside = relative(from, to)
  if (!inside.startsWith('..') && !isAbsolute(inside)) return 'inside_current'
  if (existsSync(to) && !statSync(to).isDirectory()) return 'not_a_folder'
  try {
    mkdirSync(to, { recursive: true, mode: 0o700 })
    accessSync(to, constants.W_OK)
    const probe = join(to, `.parallax-write-test-${randomBytes(4).toString('hex')}`)
    writeFileSync(probe, '')
    rmSync(probe)
  } catch {
    return 'not_writable'
  }
  if (copying && holdsParallaxData(to)) return 'holds_data'
  return null
}

/**
 * Copies Parallax's files from `from` into `to`, never over a file that is already there, and
 * returns the names copied. The originals stay where they were.
 */
export function copyDataFiles(from: string, to: string): string[] {
  mkdirSync(to, { recursive: true, mode: 0o700 })
  const present = new Set(existsSync(from) ? readdirSync(from) : [])
  const copied: string[] = []
  for (const name of DATA_FILE_NAMES) {
    if (!present.has(name) || existsSync(join(to, name))) continue
    copyFileSync(join(from, name), join(to, name), constants.COPYFILE_EXCL)
    copied.push(name)
  }
  return copied
}

/**
 * The desktop app's answer to a change typed into a page: yes marks it confirmed (the next start
 * applies it), no drops it. Either way the folder in use stays the same until then.
 */
export function settlePendingDataDir(defaultDir: string, accept: boolean): void {
  const saved = readDataLocation(defaultDir)
  if (!saved?.pending) return
  writeDataLocation(defaultDir, {
    ...(saved.dataDir !== undefined ? { dataDir: saved.dataDir } : {}),
    ...(accept ? { pending: { ...saved.pending, confirmed: true } } : {}),
  })
}
