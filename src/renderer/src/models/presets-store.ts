import { PRESETS_MAX, PresetSchema, type Preset } from '../../../shared/prefs-schemas'
import { getPref, setPref } from '../app/prefs-store'

export { PRESET_NAME_MAX, type Preset } from '../../../shared/prefs-schemas'

export interface PresetDraft {
  name: string
  parameters: Preset['parameters']
  systemPrompt?: string
}

const NONE: Preset[] = []

/** The saved presets, kept with the settings in the data folder (the same list on every render). */
export function readPresets(): Preset[] {
  return getPref('presets') ?? NONE
}

/**
 * Saves a preset; one with the same name (ignoring case) is replaced in place. Throws when the
 * draft is invalid or the list is full.
 */
export function savePreset(draft: PresetDraft, now: number = Date.now()): Preset[] {
  const presets = readPresets()
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
  if (next.length > PRESETS_MAX) throw new Error(`At most ${PRESETS_MAX} presets are kept.`)
  setPref('presets', next)
  return next
}

export function deletePreset(id: string): Preset[] {
  const next = readPresets().filter((preset) => preset.id !== id)
  setPref('presets', next)
  return next
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase()
}
