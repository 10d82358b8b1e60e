import { z } from 'zod'

/** The person's preferences; every field has a default, so an empty file is a valid one. */
export const SettingsSchema = z.object({
  /** 'system' follows the OS language. */
  language: z.enum(['system', 'en', 'ko']).default('system'),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  /** Whole-answer deadline for one request. */
  requestTimeoutSeconds: z.number().int().min(10).max(3600).default(600),
  /** A stream that sends nothing this long fails with kind `timeout`. */
  idleTimeoutSeconds: z.number().int().min(5).max(600).default(60),
  /** Retries of rate limits, overloads and network errors before any answer arrives. */
  maxRetries: z.number().int().min(0).max(5).default(2),
})
export type Settings = z.infer<typeof SettingsSchema>

export const SettingsUpdateSchema = z.strictObject({
  language: z.enum(['system', 'en', 'ko']).optional(),
  theme: z.enum(['system', 'light', 'dark']).optional(),
  requestTimeoutSeconds: z.number().int().min(10).max(3600).optional(),
  idleTimeoutSeconds: z.number().int().min(5).max(600).optional(),
  maxRetries: z.number().int().min(0).max(5).optional(),
})

export const DataDirSourceSchema = z.enum(['flag', 'env', 'chosen', 'default'])

export const SettingsViewSchema = SettingsSchema.extend({
  /** Where history, keys and settings live now. */
  dataDir: z.string(),
  /** Why: `--data-dir`, `PARALLAX_DATA_DIR`, a choice made in Settings, or the default. */
  dataDirSource: DataDirSourceSchema,
  /** The folder Parallax uses when nothing else is chosen. */
  defaultDataDir: z.string(),
  /** The folder chosen for the next start, when it differs from the current one. */
  nextDataDir: z.string().nullable(),
  /** Whether the current data is copied into `nextDataDir` at the next start. */
  nextCopiesData: z.boolean(),
  /**
   * How `nextDataDir` takes over: at the next start (confirmed in the desktop app's dialog), at
   * a web host start given `--accept-data-dir`, or after the desktop app's confirm dialog.
   */
  nextDataDirApplies: z.enum(['next_start', 'accept_flag', 'confirm']).nullable(),
  /** The desktop app chooses in its native folder dialog; the web host takes a typed path. */
  dataDirChooser: z.enum(['dialog', 'path']),
})

export const ChooseDataDirInputSchema = z.strictObject({
  /**
   * An absolute folder path (web host only; the desktop app answers `use_dialog`), or the folder
   * in use to cancel a waiting change; `null` goes back to the default folder.
   */
  path: z.string().trim().min(1).max(4096).nullable(),
  /** Copy the current history, keys and settings there at the next start (originals stay). */
  copyData: z.boolean().default(true),
})

export const PickDataDirInputSchema = z.strictObject({
  /** Copy the current history, keys and settings there when the change is applied. */
  copyData: z.boolean().default(true),
})
