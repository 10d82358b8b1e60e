import { z } from 'zod'

/** What a connection form needs to know about one credential field of a provider. */
export const CredentialFieldSchema = z.object({
  name: z.string(),
  label: z.string(),
  secret: z.boolean().optional(),
  required: z.boolean().optional(),
  help: z.string(),
  multiline: z.boolean().optional(),
  placeholder: z.string().optional(),
})

export const ProviderSummarySchema = z.object({
  id: z.string(),
  label: z.string(),
  fields: z.array(CredentialFieldSchema),
  docsUrl: z.string(),
  keysUrl: z.string().optional(),
})
export type ProviderSummary = z.infer<typeof ProviderSummarySchema>

/** What the renderer may know of a saved secret: whether it is set and its last 4 characters. */
export const SecretHintSchema = z.object({
  set: z.boolean(),
  last4: z.string().max(4),
  damaged: z.boolean().optional(),
})

export const ConnectionSummarySchema = z.object({
  id: z.string(),
  provider: z.string(),
  label: z.string(),
  /** The non-secret fields (endpoint, region, project …). */
  fields: z.record(z.string(), z.string()),
  /** One hint per secret field; the values themselves never leave the host. */
  secrets: z.record(z.string(), SecretHintSchema),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
})
export type ConnectionSummary = z.infer<typeof ConnectionSummarySchema>

const LabelSchema = z.string().trim().min(1, 'A label is required.').max(120)
const FieldValuesSchema = z.record(z.string().min(1).max(64), z.string().max(200_000))

export const ConnectionCreateSchema = z.strictObject({
  provider: z.string().min(1),
  label: LabelSchema,
  fields: FieldValuesSchema,
})

export const ConnectionUpdateSchema = z.strictObject({
  id: z.string().min(1),
  label: LabelSchema.optional(),
  /** A field set to null is removed; a field left out keeps its saved value. */
  fields: z.record(z.string().min(1).max(64), z.string().max(200_000).nullable()).optional(),
})

export const ConnectionTestResultSchema = z.object({
  ok: z.boolean(),
  /** The LlmError kind when the check failed (auth, permission, network …). */
  kind: z.string().optional(),
  message: z.string().optional(),
  hint: z.string().optional(),
  /** How many models the connection can list, when the check listed them. */
  models: z.number().int().optional(),
  ms: z.number().int(),
})
