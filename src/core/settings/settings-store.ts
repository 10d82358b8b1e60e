import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { SettingsSchema, type Settings } from '../../shared/settings-schemas'
import { makePrivate, PRIVATE_FILE_MODE } from '../private-file'

export const SETTINGS_FILE_NAME = 'settings.json'

export interface SettingsStore {
  get(): Settings
  update(changes: Partial<Settings>): Settings
}

/**
 * Preferences in `settings.json` in the data folder. A missing or unreadable file gives the
 * defaults (an unreadable one is kept beside as `.unreadable-<time>`, never deleted); every
 * change is written atomically.
 */
export function openSettingsStore(dataDir: string, now: () => number = Date.now): SettingsStore {
  const file = join(dataDir, SETTINGS_FILE_NAME)
  makePrivate(file) // one written before files were created owner-only
  let current = read(file, now)
  return {
    get: () => ({ ...current }),
    update(changes) {
      const next = SettingsSchema.parse({ ...current, ...changes })
      const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`
      writeFileSync(temp, `${JSON.stringify(next, null, 2)}\n`, { mode: PRIVATE_FILE_MODE })
      renameSync(temp, file)
      current = next
      return { ...current }
    },
  }
}

function read(file: string, now: () => number): Settings {
  if (!existsSync(file)) return SettingsSchema.parse({})
  const text = readFileSync(file, 'utf8')
  try {
    const parsed = SettingsSchema.safeParse(JSON.parse(text))
    if (parsed.success) return parsed.data
  } catch {
    // Not JSON: kept aside below.
  }
  renameSync(file, `${file}.unreadable-${now()}`)
  return SettingsSchema.parse({})
}
