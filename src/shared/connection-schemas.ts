import { z } from 'zod'
import { HintFieldsSchema } from './hint-schemas'

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
  /** The vault holding it could not be decrypted (key file or keychain changed): enter it again. */
  reenter: z.boolean().optional(),
})

export const ConnectionSummarySchema = z.object({
  id: z.string(),
  provider: z.string(),
  label: z.string(),
  /** The non-secret fields (endpoint, region, project …). */
  fields: z.record(z.string(), z.string()),
  /** One hint per secret field; the values themselves never leave the host. */
  secrets: z.record(z.string(), SecretHintSchema),
  /** Requests this connection may have in flight at once; more runs wait, `queued` (absent: 8). */
  maxInFlight: z.number().int().optional(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
})
export type ConnectionSummary = z.infer<typeof ConnectionSummarySchema>

const LabelSchema = z.string().trim().min(1, 'A label is required.').max(120)
const FieldValuesSchema = z.record(z.string().min(1).max(64), z.string().max(200_000))

/** The default and the bounds of a connection's limit of requests in flight. */
export const DEFAULT_MAX_IN_FLIGHT = 8
export const MAX_IN_FLIGHT_LIMIT = 64
const MaxInFlightSchema = z
  .number()
  .int('The limit of requests in flight is a whole number.')
  .min(1, 'At least 1 request must be allowed in flight.')
  .max(MAX_IN_FLIGHT_LIMIT, `At most ${MAX_IN_FLIGHT_LIMIT} requests may be in flight.`)

const FieldChangesSchema = z.record(z.string().min(1).max(64), z.string().max(200_000).nullable())

/** Risks the caller has seen and accepts: a metadata address is refused without it. */
const AcknowledgeSchema = z
  .array(z.enum(['metadata_address']))
  .max(4)
  .optional()

/** A destination worth a word before a key is sent there (src/shared/destination-warnings.ts). */
export const DestinationWarningSchema = z.object({
  code: z.enum(['plain_http', 'metadata_address']),
  message: z.string(),
})

export const ConnectionCreateSchema = z.strictObject({
  provider: z.string().min(1),
  label: LabelSchema,
  fields: FieldValuesSchema,
  /** Default 8. */
  maxInFlight: MaxInFlightSchema.optional(),
  acknowledge: AcknowledgeSchema,
})

export const ConnectionUpdateSchema = z.strictObject({
  id: z.string().min(1),
  label: LabelSchema.optional(),
  /**
   * A field set to null is removed; a field left out keeps its saved value. A change of address
   * to another trust domain must give every saved secret anew (or null), else `secret_required`.
   */
  fields: FieldChangesSchema.optional(),
  /** Absent keeps the saved limit. */
  maxInFlight: MaxInFlightSchema.optional(),
  acknowledge: AcknowledgeSchema,
})

/**
 * `{ id }` tests the saved connection; `{ id, fields }` tests unsaved edits over it (the same
 * `secret_required` rule as an update); `{ provider, fields }` tests a new, unsaved connection.
 * Nothing is saved.
 */
export const ConnectionTestInputSchema = z.strictObject({
  id: z.string().min(1).optional(),
  provider: z.string().min(1).optional(),
  fields: FieldChangesSchema.optional(),
  acknowledge: AcknowledgeSchema,
})

/** What create and update answer: the saved connection and what is risky about its address. */
export const SavedConnectionSchema = ConnectionSummarySchema.extend({
  warnings: z.array(DestinationWarningSchema),
})

export const ConnectionTestResultSchema = z.object({
  ok: z.boolean(),
  /** The LlmError kind when the check failed (auth, permission, network …). */
  kind: z.string().optional(),
  /** The provider's own words (English, redacted), shown as its message, not as the sentence. */
  message: z.string().optional(),
  ...HintFieldsSchema.shape,
  /** How many models the connection can list, when the check listed them. */
  models: z.number().int().optional(),
  /** The key works, but no deployment has this name to answer with (Azure). */
  missingDeployment: z.string().optional(),
  ms: z.number().int(),
})

export const ConnectionTestOutputSchema = ConnectionTestResultSchema.extend({
  warnings: z.array(DestinationWarningSchema),
})
