import { z } from 'zod'
import { PARAMETER_NAMES } from '../parameter-names'
import { PROVIDER_IDS } from '../provider-ids'
import { NOTE_CODES } from '../note-codes'
import { UNSUPPORTED_CODES } from '../unsupported-codes'

/** What an unsupported entry's sentence names; every value is plain text (a name, not a sentence). */
const UnsupportedDetailsSchema = z.strictObject({
  model: z.string().optional(),
  provider: z.string().optional(),
  /** The API that lacks or refuses it, e.g. "Bedrock Converse". */
  api: z.string().optional(),
  version: z.string().optional(),
  parameter: z.string().optional(),
  /** The parameter to use instead. */
  alternative: z.string().optional(),
})

/** What a note's sentence names; every value is plain text (a name or a list, not a sentence). */
const NoteDetailsSchema = z.strictObject({
  /** The provider's own request field, e.g. "generationConfig.maxOutputTokens". */
  field: z.string().optional(),
  provider: z.string().optional(),
  /** A model, or a list of model families. */
  model: z.string().optional(),
  /** The parameter to use instead. */
  alternative: z.string().optional(),
  /** The values it takes, comma-separated: "low, medium, high" or "low 1024, high 24576". */
  values: z.string().optional(),
  count: z.string().optional(),
})

/** The one definition of `ParameterSupport` (packages/llm/src/types.ts infers the type from it). */
export const ParameterSupportSchema = z.discriminatedUnion('support', [
  z.object({
    support: z.literal('supported'),
    min: z.number().optional(),
    max: z.number().optional(),
    default: z.union([z.number(), z.string()]).optional(),
    note: z.string().optional(),
    /** What the note says, as a stable code (NOTE_CODES) a UI in another language words. */
    noteCode: z.enum(NOTE_CODES).optional(),
    /** What the note's sentence names. */
    noteDetails: NoteDetailsSchema.optional(),
  }),
  z.object({
    support: z.literal('emulated'),
    min: z.number().optional(),
    max: z.number().optional(),
    default: z.union([z.number(), z.string()]).optional(),
    note: z.string(),
    noteCode: z.enum(NOTE_CODES).optional(),
    noteDetails: NoteDetailsSchema.optional(),
  }),
  z.object({
    support: z.literal('unsupported'),
    /** Why, as a stable code (UNSUPPORTED_CODES) a program or a UI in another language words. */
    code: z.enum(UNSUPPORTED_CODES),
    /** What the code's sentence names: the model, the provider, the parameter, what to use instead. */
    details: UnsupportedDetailsSchema,
    /** The same in one English sentence. */
    reason: z.string().min(1),
  }),
])

const ParameterNameSchema = z.enum(PARAMETER_NAMES)

export const CatalogModelSchema = z.strictObject({
  id: z.string().min(1),
  /** Other ids that mean the same model (dated snapshots, `-latest` aliases). */
  aliases: z.array(z.string()).optional(),
  label: z.string().min(1),
  /**
   * One name for the model on every cloud: its id on its maker's own API (Anthropic's for Claude,
   * OpenAI's for GPT and gpt-oss, the Gemini API's for Gemini, Meta's for Llama). Default: `id`.
   */
  canonical: z.string().min(1).optional(),
  contextWindow: z.number().int().positive(),
  maxOutputTokens: z.number().int().positive(),
  input: z.array(z.enum(['text', 'image', 'audio', 'video', 'pdf'])).min(1),
  output: z.array(z.enum(['text', 'image', 'audio'])).optional(),
  tools: z.boolean(),
  reasoning: z.boolean(),
  /** USD per million tokens; omitted when the provider does not publish one (local models). */
  price: z
    .strictObject({
      inputPerMTok: z.number().nonnegative(),
      outputPerMTok: z.number().nonnegative(),
      cachedInputPerMTok: z.number().nonnegative().optional(),
    })
    .optional(),
  /** Per-model parameter support, overriding the provider-wide rules. */
  parameters: z.partialRecord(ParameterNameSchema, ParameterSupportSchema).optional(),
  deprecated: z.boolean().optional(),
})

export const CatalogSchema = z.strictObject({
  provider: z.enum(PROVIDER_IDS),
  /** The date (YYYY-MM-DD) the prices were checked against the provider's public price list. */
  pricesCheckedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Where the prices come from. */
  pricesSource: z.string().url(),
  /** Conservative values for models not in the list. */
  unknownModel: z.strictObject({
    contextWindow: z.number().int().positive(),
    maxOutputTokens: z.number().int().positive(),
  }),
  models: z.array(CatalogModelSchema),
})

export type Catalog = z.infer<typeof CatalogSchema>
export type CatalogModel = z.infer<typeof CatalogModelSchema>
