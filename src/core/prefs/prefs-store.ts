import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  PREF_KEYS,
  prefSchemas,
  PrefsSchema,
  type PrefKey,
  type Prefs,
  type PrefsUpdate,
} from '../../shared/prefs-schemas'
import { makePrivate, PRIVATE_FILE_MODE } from '../private-file'

export const PREFS_FILE_NAME = 'preferences.json'

export interface PrefsStore {
  get(): Prefs
  /** Replaces the keys given (`null` removes one), writes the file atomically, returns all. */
  update(changes: PrefsUpdate): Prefs
}

export interface PrefsStoreOptions {
  /** Where a damaged value is reported (default: console.warn). */
  warn?: (line: string) => void
  now?: () => number
}

/**
 * The window's preferences in `preferences.json` in the data folder. Each key is checked on its
 * own when the file is read: a damaged value is left out with a log line, the rest still loads;
 * a file that is not a JSON object is kept beside as `.unreadable-<time>`, never deleted.
 */
export function openPrefsStore(dataDir: string, options: PrefsStoreOptions = {}): PrefsStore {
  const file = join(dataDir, PREFS_FILE_NAME)
  const warn = options.warn ?? ((line: string) => console.warn(line))
  makePrivate(file)
  let current = read(file, warn, options.now ?? Date.now)
  return {
    get: () => structuredClone(current),
    update(changes) {
      const merged = Object.entries({ ...current, ...changes }).filter(
        ([, value]) => value !== null && value !== undefined,
      )
      const next = PrefsSchema.parse(Object.fromEntries(merged))
      const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`
      writeFileSync(temp, `${JSON.stringify(next, null, 2)}\n`, { mode: PRIVATE_FILE_MODE })
      renameSync(temp, file)
      current = next
      return structuredClone(current)
    },
  }
}

function read(file: string, warn: (line: string) => void, now: () => number): Prefs {
  if (!existsSync(file)) return {}
  let data: unknown
  try {
    data = JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    data = undefined
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    const aside = `${file}.unreadable-${now()}`
    renameSync(file, aside)
    warn(`parallax: ${PREFS_FILE_NAME} could not be read; it was kept as ${aside}.`)
    return {}
  }
  const stored = data as Record<string, unknown>
  const prefs: Record<string, unknown> = {}
  for (const key of PREF_KEYS) {
    if (!(key in stored)) continue
    const parsed = prefSchemas[key as PrefKey].safeParse(stored[key])
    if (parsed.success) prefs[key] = parsed.data
    else warn(`parallax: ${PREFS_FILE_NAME}: the saved "${key}" is not valid and was ignored.`)
  }
  return prefs as Prefs
}
