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

/** Every file Parallax keeps in its data folder (SQLite's -wal and -shm go with the database). */
export const DATA_FILE_NAMES = [
  'history.sqlite',
  'history.sqlite-wal',
  'history.sqlite-shm',
  'vault.json',
  'vault-desktop.json',
  'vault.key',
  'settings.json',
] as const

const DataLocationSchema = z.object({
  dataDir: z.string().min(1),
  /** Copy this folder's data into `dataDir` at the next start (then forget it). */
  copyFrom: z.string().min(1).optional(),
})
export type DataLocation = z.infer<typeof DataLocationSchema>

/** The choice saved in Settings, or undefined when there is none (or it cannot be read). */
export function readDataLocation(defaultDir: string): DataLocation | undefined {
  const file = join(defaultDir, DATA_LOCATION_FILE)
  if (!existsSync(file)) return undefined
  try {
    const parsed = DataLocationSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
    return parsed.success && isAbsolute(parsed.data.dataDir) ? parsed.data : undefined
  } catch {
    return undefined
  }
}

/** Saves the choice atomically; `null` goes back to the default folder. */
export function writeDataLocation(defaultDir: string, location: DataLocation | null): void {
  const file = join(defaultDir, DATA_LOCATION_FILE)
  if (location === null) {
    rmSync(file, { force: true })
    return
  }
  mkdirSync(defaultDir, { recursive: true, mode: 0o700 })
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`
  writeFileSync(temp, `${JSON.stringify(location, null, 2)}\n`, { mode: 0o600 })
  renameSync(temp, file)
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
