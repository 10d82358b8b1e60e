import { z } from 'zod'
import { ImageInputSchema, RunTargetSchema } from './run-input-schemas'

/**
 * `runs.estimate`: the ≈ input tokens (and cost) of the prompt being typed, counted over the
 * whole request each target would send: its system prompt, the conversation's history for that
 * column, the new text and the images. The same fields as runs.startChat / compare.start.
 */
export const EstimateInputSchema = z.strictObject({
  /** A new conversation's mode; an existing conversation's own mode wins. Default: chat. */
  mode: z.enum(['chat', 'compare']).optional(),
  conversationId: z.string().optional(),
  /** The prompt it follows (default: the conversation's latest), as the send will name it. */
  parentMessageId: z.string().nullable().optional(),
  /** Chat: the answer it continues from (default: the parent's best answer for the target). */
  parentRunId: z.string().nullable().optional(),
  /** As the send will give it: null for none, left out to inherit the column's. */
  systemPrompt: z.string().nullable().optional(),
  text: z.string().max(2_000_000),
  /**
   * The images to attach. Only their size counts, so `data` may be just the beginning of the
   * file (its header), which keeps a keystroke's estimate small.
   */
  images: z.array(ImageInputSchema).max(8).optional(),
  /** Default: a follow-up's columns, as compare.start takes them. */
  targets: z.array(RunTargetSchema).max(8).optional(),
})

export const TargetEstimateSchema = z.object({
  connectionId: z.string(),
  model: z.string(),
  tokens: z.number().int().nonnegative(),
  /** True when the provider counted it; false for Parallax's heuristic (shown with ≈). */
  exact: z.boolean(),
  method: z.string(),
  /** tokens × the model's input price; null when the price is unknown. */
  costUsd: z.number().nonnegative().nullable(),
})

export const EstimateOutputSchema = z.object({
  /** One per target, in target order. */
  targets: z.array(TargetEstimateSchema),
})

export type EstimateInput = z.infer<typeof EstimateInputSchema>
export type TargetEstimate = z.infer<typeof TargetEstimateSchema>
