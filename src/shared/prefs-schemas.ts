import { z } from 'zod'
import { RunParametersSchema } from './run-input-schemas'

/**
 * The window's preferences kept with the settings in the data folder (`preferences.json`), not in
 * the browser: the web host's origin (its port) may change, and with it the browser's storage.
 * Each key is validated on its own, so one damaged value never costs the others.
 */

export const PRESET_NAME_MAX = 80
export const PRESETS_MAX = 200
export const DISMISSED_MAX = 50

export const PresetSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1).max(PRESET_NAME_MAX),
  parameters: RunParametersSchema,
  systemPrompt: z.string().optional(),
  savedAt: z.number(),
})
export type Preset = z.infer<typeof PresetSchema>

export const LastChoiceSchema = z.object({
  connectionId: z.string().min(1),
  model: z.string().min(1),
})

export const LastColumnsSchema = z
  .array(
    z.object({
      connectionId: z.string().nullable(),
      model: z.string().nullable(),
      parameters: z.record(z.string(), z.unknown()),
    }),
  )
  .min(2)
  .max(8)

export const DismissedSchema = z.object({
  /** Start-up notices as `<code>:<detail>`: the same notice at a later start stays dismissed. */
  notices: z.array(z.string().max(4200)).max(DISMISSED_MAX),
  /** Usage warnings by id (one per connection and clock hour): raised again, it stays hidden. */
  usageWarnings: z.array(z.string().min(1).max(300)).max(DISMISSED_MAX),
})
export type Dismissed = z.infer<typeof DismissedSchema>

/** Every preference and its schema; the key names the value. */
export const prefSchemas = {
  presets: z.array(PresetSchema).max(PRESETS_MAX),
  /** The model last used for a chat. */
  lastChoice: LastChoiceSchema,
  /** The columns of the last comparison. */
  lastColumns: LastColumnsSchema,
  sidebarCollapsed: z.boolean(),
  dismissed: DismissedSchema,
} as const

export type PrefKey = keyof typeof prefSchemas
export const PREF_KEYS = Object.keys(prefSchemas) as PrefKey[]
export type Prefs = { [K in PrefKey]?: z.infer<(typeof prefSchemas)[K]> }

/** The stored preferences; a key never set (or whose stored value was damaged) is absent. */
export const PrefsSchema = z.object({
  presets: prefSchemas.presets.optional(),
  lastChoice: prefSchemas.lastChoice.optional(),
  lastColumns: prefSchemas.lastColumns.optional(),
  sidebarCollapsed: prefSchemas.sidebarCollapsed.optional(),
  dismissed: prefSchemas.dismissed.optional(),
})

/** Changes: a key given is replaced, `null` removes it, an absent one stays. */
export const PrefsUpdateSchema = z.strictObject({
  presets: prefSchemas.presets.nullable().optional(),
  lastChoice: prefSchemas.lastChoice.nullable().optional(),
  lastColumns: prefSchemas.lastColumns.nullable().optional(),
  sidebarCollapsed: prefSchemas.sidebarCollapsed.nullable().optional(),
  dismissed: prefSchemas.dismissed.nullable().optional(),
})
export type PrefsUpdate = z.input<typeof PrefsUpdateSchema>

export const prefsMethods = {
  'prefs.get': {
    summary:
      'The window’s preferences kept in the data folder: presets, last models, sidebar, dismissed banners.',
    input: z.strictObject({}),
    output: PrefsSchema,
  },
  'prefs.set': {
    summary: 'Replaces the preferences given (null removes one); the others stay.',
    input: PrefsUpdateSchema,
    output: PrefsSchema,
  },
} as const
