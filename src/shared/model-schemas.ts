import { z } from 'zod'

/** What a supported or emulated parameter's note names (the library's NoteDetails). */
const NoteDetailsSchema = z.object({
  field: z.string().optional(),
  provider: z.string().optional(),
  model: z.string().optional(),
  alternative: z.string().optional(),
  values: z.string().optional(),
  count: z.string().optional(),
})

/**
 * How a model takes one request parameter: the library's ParameterSupport, which shared may not
 * import; test/types/layer-pairs.ts fails the build when the two differ.
 */
export const ParameterSupportSchema = z.discriminatedUnion('support', [
  z.object({
    support: z.literal('supported'),
    min: z.number().optional(),
    max: z.number().optional(),
    default: z.union([z.number(), z.string()]).optional(),
    note: z.string().optional(),
    /**
     * The library's NOTE_CODES, as any text: the screen words the codes it knows and shows
     * `note` for one a newer library added.
     */
    noteCode: z.string().min(1).optional(),
    noteDetails: NoteDetailsSchema.optional(),
  }),
  z.object({
    support: z.literal('emulated'),
    min: z.number().optional(),
    max: z.number().optional(),
    default: z.union([z.number(), z.string()]).optional(),
    note: z.string(),
    noteCode: z.string().min(1).optional(),
    noteDetails: NoteDetailsSchema.optional(),
  }),
  z.object({
    support: z.literal('unsupported'),
    /**
     * The library's UNSUPPORTED_CODES, as any text: the screen words the codes it knows and shows
     * `reason` for one a newer library added.
     */
    code: z.string().min(1),
    details: z.object({
      model: z.string().optional(),
      provider: z.string().optional(),
      api: z.string().optional(),
      version: z.string().optional(),
      parameter: z.string().optional(),
      alternative: z.string().optional(),
    }),
    /** The library's English sentence. */
    reason: z.string().min(1),
  }),
])
export type ParameterSupportView = z.infer<typeof ParameterSupportSchema>

export const ModelCapabilitiesSchema = z.object({
  provider: z.string(),
  model: z.string(),
  known: z.boolean(),
  label: z.string(),
  /** The same model's one id on every cloud (the library's catalog); absent when unknown. */
  canonicalModel: z.string().optional(),
  contextWindow: z.number(),
  maxOutputTokens: z.number(),
  modalities: z.object({ input: z.array(z.string()), output: z.array(z.string()) }),
  tools: z.boolean(),
  reasoning: z.boolean(),
  price: z
    .object({
      inputPerMTok: z.number(),
      outputPerMTok: z.number(),
      cachedInputPerMTok: z.number().optional(),
      checkedAt: z.string(),
    })
    .optional(),
  parameters: z.record(z.string(), ParameterSupportSchema),
})
export type ModelCapabilitiesView = z.infer<typeof ModelCapabilitiesSchema>

export const ModelEntrySchema = z.object({
  id: z.string(),
  label: z.string(),
  /** False for catalog suggestions the provider did not list (or when listing failed). */
  listed: z.boolean(),
  capabilities: ModelCapabilitiesSchema,
})
export type ModelEntry = z.infer<typeof ModelEntrySchema>

export const ModelListInputSchema = z.strictObject({
  connectionId: z.string().min(1),
  /** Ask the provider again instead of using the list fetched in the last few minutes. */
  refresh: z.boolean().optional(),
})

export const ModelListSchema = z.object({
  connectionId: z.string(),
  provider: z.string(),
  models: z.array(ModelEntrySchema),
  /** When the provider could not be asked: the catalog's models are returned instead. */
  error: z.object({ kind: z.string(), message: z.string() }).optional(),
})
export type ModelList = z.infer<typeof ModelListSchema>

export const ModelCapabilitiesInputSchema = z.strictObject({
  connectionId: z.string().min(1),
  model: z.string().trim().min(1, 'A model id is required.').max(200),
})
