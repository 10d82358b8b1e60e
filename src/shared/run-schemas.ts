import { z } from 'zod'
import { HintFieldsSchema } from './hint-schemas'

/**
 * Events the runner emits. Plain, JSON-serializable data: the lead moves these schemas into the
 * contract (src/shared/contract.ts) later. Times are ms since the epoch, durations ms.
 */

export const RunStartedPayloadSchema = z.object({
  runId: z.string(),
  conversationId: z.string(),
  messageId: z.string(),
  /** The comparison turn (its user message id) for compare runs and reruns; null for chat. */
  groupId: z.string().nullable(),
  connectionId: z.string(),
  provider: z.string(),
  model: z.string(),
  startedAt: z.number(),
  /**
   * `queued` when the connection already has its limit of requests in flight (run.queued follows
   * as the queue moves); `streaming` when the request is going out now.
   */
  status: z.enum(['queued', 'streaming']),
  /** Runs ahead of this one in its connection's queue (0 when streaming). */
  ahead: z.number().int().min(0),
})
export type RunStartedPayload = z.infer<typeof RunStartedPayloadSchema>

/** A queued run's place changed: `ahead` runs wait before it; 0 and `streaming` when it is sent. */
export const RunQueuedPayloadSchema = z.object({
  runId: z.string(),
  conversationId: z.string(),
  status: z.enum(['queued', 'streaming']),
  ahead: z.number().int().min(0),
})
export type RunQueuedPayload = z.infer<typeof RunQueuedPayloadSchema>

/** Why a run waits before a retry: the library's error kind of the failed attempt. */
export const RunWaitReasonSchema = z.enum([
  'rate_limited',
  'overloaded',
  'server',
  'network',
  'timeout',
  'other',
])
export type RunWaitReason = z.infer<typeof RunWaitReasonSchema>

/** A run waits before retrying (runs.retryNow ends the wait early, runs.stop stops the run). */
export const RunWaitingPayloadSchema = z.object({
  runId: z.string(),
  conversationId: z.string(),
  reason: RunWaitReasonSchema,
  /** When the retry will be sent, ms since the epoch. */
  retryAt: z.number(),
  /** The retry this wait precedes: 1 for the first retry. */
  attempt: z.number().int().min(1),
})
export type RunWaitingPayload = z.infer<typeof RunWaitingPayloadSchema>

/**
 * A streaming run's figures so far, estimated from the text generated until now (the provider's
 * usage arrives with run.done): tokens, tokens per second after the first token, and cost.
 */
export const RunLiveFiguresSchema = z.object({
  /** Estimated input tokens (the text sent). */
  tokensIn: z.number(),
  /** Estimated output tokens generated so far. */
  tokensOut: z.number(),
  /** tokensOut ÷ seconds since the first token; null until there is enough time to divide by. */
  tokensPerSecond: z.number().nullable(),
  /** USD at the catalog price; null when the model has none. */
  costUsd: z.number().nullable(),
})
export type RunLiveFigures = z.infer<typeof RunLiveFiguresSchema>

export const RunDeltaPayloadSchema = z.object({
  runId: z.string(),
  conversationId: z.string(),
  /** 1, 2, 3 … per run: a gap means a batch was lost. */
  seq: z.number().int(),
  /** Answer text since the previous batch (may be empty). */
  answer: z.string(),
  /** Reasoning text since the previous batch (may be empty). */
  reasoning: z.string(),
  /** The run's estimated figures as of this batch (absent from hosts that do not send them). */
  live: RunLiveFiguresSchema.optional(),
})
export type RunDeltaPayload = z.infer<typeof RunDeltaPayloadSchema>

export const RunUsagePayloadSchema = z.object({
  tokensIn: z.number().nullable(),
  tokensOut: z.number().nullable(),
  tokensReasoning: z.number().nullable(),
  tokensCached: z.number().nullable(),
  /** True when the provider sent no usage and the counts were estimated from text length. */
  estimated: z.boolean(),
})
export type RunUsagePayload = z.infer<typeof RunUsagePayloadSchema>

export const RunMetricsSchema = z.object({
  /** From the final attempt's send to the first answer, reasoning or tool-call delta. */
  ttftMs: z.number().nullable(),
  /** From the final attempt's send to the end (queue and retry waits are not in it). */
  totalMs: z.number(),
  /** Time spent waiting for a free slot on the connection (its limit of requests in flight). */
  queueWaitMs: z.number().optional(),
  /** Time spent in failed attempts and the waits between them, before the final attempt. */
  retryWaitMs: z.number().optional(),
  /** Output tokens ÷ seconds after the first token; null when there is nothing to divide. */
  tokensPerSecond: z.number().nullable(),
  /** True when tokensPerSecond rests on estimated output tokens. */
  tokensPerSecondEstimated: z.boolean(),
})
export type RunMetrics = z.infer<typeof RunMetricsSchema>

export const RunCostSchema = z.object({
  /** USD; null when the model has no catalog price or nothing was billed. */
  usd: z.number().nullable(),
  /** Token counts were estimated, or the price is unknown. */
  estimated: z.boolean(),
  /** The model has no price in the catalog. */
  priceUnknown: z.boolean(),
})
export type RunCost = z.infer<typeof RunCostSchema>

export const RunToolCallSchema = z.object({
  id: z.string(),
  type: z.literal('function'),
  function: z.object({ name: z.string(), arguments: z.string() }),
})
export type RunToolCall = z.infer<typeof RunToolCallSchema>

/** `stopped`: a person's Stop; `interrupted`: the app shut down while the run was live. */
export const RunEndStatusSchema = z.enum(['done', 'stopped', 'error', 'interrupted'])
export type RunEndStatus = z.infer<typeof RunEndStatusSchema>

/**
 * For `unsupported_parameter`: the library's reason code (UNSUPPORTED_CODES, as any text) and its
 * details, for the screen to word (not saved, like the hint).
 */
export const ReasonFieldsSchema = z.object({
  reasonCode: z.string().min(1).optional(),
  reasonDetails: z.record(z.string(), z.string()).optional(),
})
export type ReasonFields = z.infer<typeof ReasonFieldsSchema>

export const RunDonePayloadSchema = z.object({
  runId: z.string(),
  conversationId: z.string(),
  messageId: z.string(),
  connectionId: z.string(),
  provider: z.string(),
  model: z.string(),
  status: RunEndStatusSchema,
  finishReason: z.enum(['stop', 'length', 'tool_calls', 'content_filter']).nullable(),
  /** LlmError kind (or `connection` / `internal`) and its already-redacted message. */
  error: z
    .object({
      kind: z.string(),
      message: z.string(),
      /** How long the provider asked to wait before trying again (rate limits). */
      retryAfterMs: z.number().optional(),
      /** What to do, as a code the screen words (not saved: a reopened run shows the kind's advice). */
      ...HintFieldsSchema.shape,
      ...ReasonFieldsSchema.shape,
    })
    .nullable(),
  usage: RunUsagePayloadSchema,
  metrics: RunMetricsSchema,
  cost: RunCostSchema,
  toolCalls: z.array(RunToolCallSchema),
  endedAt: z.number(),
})
export type RunDonePayload = z.infer<typeof RunDonePayloadSchema>

export const runEvents = {
  'run.started': RunStartedPayloadSchema,
  'run.queued': RunQueuedPayloadSchema,
  'run.waiting': RunWaitingPayloadSchema,
  'run.delta': RunDeltaPayloadSchema,
  'run.done': RunDonePayloadSchema,
} as const

export interface RunEventMap {
  'run.started': RunStartedPayload
  'run.queued': RunQueuedPayload
  'run.waiting': RunWaitingPayload
  'run.delta': RunDeltaPayload
  'run.done': RunDonePayload
}

export type RunEventName = keyof RunEventMap

export type RunEmit = <E extends RunEventName>(event: E, payload: RunEventMap[E]) => void
