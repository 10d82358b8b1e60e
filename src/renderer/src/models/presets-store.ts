import { z } from 'zod'
import { RunParametersSchema } from '../../../shared/run-input-schemas'

export const PRESETS_STORAGE_KEY = 'parallax.presets.v1'
export const PRESET_NAME_MAX = 80

const PresetSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1).max(PRESET_NAME_MAX),
  parameters: RunParametersSchema,
  systemPrompt: z.string().optional(),
  savedAt: z.number(),
})
export type Preset = z.infer<typeof PresetSchema>

export interface PresetDraft {
  name: string
  parameters: Preset['parameters']
  systemPrompt?: string
}

/** The part of Web Storage presets use (tests pass an in-memory one). */
export type PresetStorage = Pick<Storage, 'getItem' | 'setItem'>

function browserStorage(): PresetStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage
  } catch {
    // Storage can be switched off (a privacy setting); presets then simply are not kept.
    return null
  }
}

/**
 * The saved presets. A value that is not JSON or not a list counts as none, and a preset that does
 * not validate is skipped: a damaged entry must never stop the panel from opening.
 */
export function readPresets(storage: PresetStorage | null = browserStorage()): Preset[] {
  let raw: string | null
  try {
    raw = storage?.getItem(PRESETS_STORAGE_KEY) ?? null
  } catch {
    return []
  }
  if (raw === null) return []
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch {
    return []
  }
  if (!Array.isArray(data)) return []
  return data.flatMap((item: unknown) => {
    const parsed = PresetSchema.safeParse(item)
    return parsed.success ? [parsed.data] : []
  })
}

/**
 * Saves a preset; one with the same name (ignoring case) is replaced in place. Throws when the
 * draft is invalid or storage refuses the write (full or switched off).
 */
export function savePreset(
  draft: PresetDraft,
  storage: PresetStorage | null = browserStorage(),
  now: number = Date.now(),
): Preset[] {
  const presets = readPresets(storage)
  const name = draft.name.trim()
  const existing = presets.find((preset) => sameName(preset.name, name))
  const preset = PresetSchema.parse({
    id: existing?.id ?? crypto.randomUUID(),
    name,
    parameters: draft.parameters,
    ...(draft.systemPrompt === undefined ? {} : { systemPrompt: draft.systemPrompt }),
    savedAt: now,
  })
  const next = existing
    ? presets.map((other) => (other === existing ? preset : other))
    : [...presets, preset]
  write(storage, next)
  return next
}

export function deletePreset(
  id: string,
  storage: PresetStorage | null = browserStorage(),
): Preset[] {
  const next = readPresets(storage).filter((preset) => preset.id !== id)
  write(storage, next)
  return next
}

function write(storage: PresetStorage | null, presets: Preset[]) {
  if (!storage) throw new Error('Local storage is not available.')
  storage.setItem(PRESETS_STORAGE_KEY, JSON.stringify(presets))
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase()
}
