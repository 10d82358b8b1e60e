import { z } from 'zod'

/** How many answers one chat prompt may ask for (each a run of its own). */
export const MAX_ANSWERS = 8

/**
 * Request parameters a run may set (the OpenAI Chat Completions names): the library's ChatRequest
 * fields, which shared may not import; test/types/layer-pairs.ts fails the build when they drift
 * and names the fields that differ on purpose.
 */
export const RunParametersSchema = z.strictObject({
  temperature: z.number().nullable().optional(),
  top_p: z.number().nullable().optional(),
  max_tokens: z.number().int().positive().nullable().optional(),
  max_completion_tokens: z.number().int().positive().nullable().optional(),
  /**
   * Chat only: how many answers to the prompt. Parallax starts n separate runs (siblings of the
   * prompt), each one request without n; a comparison takes only 1 (one answer per column).
   */
  n: z
    .number()
    .int(`n must be a whole number from 1 to ${MAX_ANSWERS}.`)
    .min(1, `n must be a whole number from 1 to ${MAX_ANSWERS}.`)
    .max(MAX_ANSWERS, `n must be a whole number from 1 to ${MAX_ANSWERS}.`)
    .optional(),
  stop: z
    .union([z.string(), z.array(z.string()).max(16)])
    .nullable()
    .optional(),
  seed: z.number().int().nullable().optional(),
  presence_penalty: z.number().nullable().optional(),
  frequency_penalty: z.number().nullable().optional(),
  reasoning_effort: z.enum(['minimal', 'low', 'medium', 'high']).nullable().optional(),
  thinking_budget: z.number().int().nonnegative().nullable().optional(),
  response_format: z.record(z.string(), z.unknown()).optional(),
  tools: z.array(z.record(z.string(), z.unknown())).optional(),
  tool_choice: z.unknown().optional(),
})

/** An image sent with a prompt: base64 bytes of a PNG, JPEG, GIF or WebP (at most 5 MB). */
export const ImageInputSchema = z.strictObject({
  mediaType: z.enum(['image/png', 'image/jpeg', 'image/gif', 'image/webp']),
  data: z.base64().max(7_000_000, 'An image may be at most 5 MB.'),
  name: z.string().max(200).optional(),
})

export const RunTargetSchema = z.strictObject({
  connectionId: z.string().min(1),
  model: z.string().min(1),
  parameters: RunParametersSchema.optional(),
})

export const StartChatInputSchema = z.strictObject({
  conversationId: z.string().optional(),
  title: z.string().max(200).optional(),
  connectionId: z.string().min(1),
  model: z.string().min(1),
  parameters: RunParametersSchema.optional(),
  systemPrompt: z.string().nullable().optional(),
  prompt: z.string().min(1, 'The prompt is empty.'),
  images: z.array(ImageInputSchema).max(8).optional(),
  parentMessageId: z.string().nullable().optional(),
  parentRunId: z.string().nullable().optional(),
})

export const StartComparisonInputSchema = z.strictObject({
  conversationId: z.string().optional(),
  title: z.string().max(200).optional(),
  prompt: z.string().min(1, 'The prompt is empty.'),
  systemPrompt: z.string().nullable().optional(),
  images: z.array(ImageInputSchema).max(8).optional(),
  /** 2 to 8 models; a follow-up turn may leave it out to reuse the previous columns. */
  targets: z.array(RunTargetSchema).min(2).max(8).optional(),
  parentMessageId: z.string().nullable().optional(),
})

export const RerunInputSchema = z.strictObject({
  messageId: z.string().min(1),
  targets: z.array(RunTargetSchema).min(1).max(8),
  systemPrompt: z.string().nullable().optional(),
})

export const StartedChatSchema = z.object({
  conversationId: z.string(),
  messageId: z.string(),
  /** The first answer's run (the same as runIds[0]). */
  runId: z.string(),
  /** One run per answer (parameters.n), in the order they were started. */
  runIds: z.array(z.string()),
})

export const StartedGroupSchema = z.object({
  conversationId: z.string(),
  messageId: z.string(),
  groupId: z.string(),
  runIds: z.array(z.string()),
})
