import { z } from 'zod'

/** Observed value in the last window vs the connection's own norm (median of its active hours). */
export const UsageObservationSchema = z.object({
  observed: z.number(),
  norm: z.number(),
})

/**
 * `usage.warning`: a connection's requests in the last few seconds (a burst), or its spend or
 * request count in the last hour, are far above its own recent norm — possibly a leaked key.
 */
export const UsageWarningPayloadSchema = z.object({
  /**
   * Stable per connection and clock hour (`<connectionId>@<hours since the epoch>`): a warning
   * raised again in the same hour (e.g. after a restart) has the same id, so a dismissal holds.
   */
  id: z.string(),
  /** `burst`: requests started in a window of seconds; `hourly`: requests or spend in an hour. */
  kind: z.enum(['burst', 'hourly']),
  connectionId: z.string(),
  /** The window that was checked, ms since the epoch: [from, to). */
  window: z.object({ from: z.number(), to: z.number() }),
  /** For either kind, `norm` is the median per active hour of the connection. */
  requests: UsageObservationSchema,
  costUsd: UsageObservationSchema,
  /** Which of the two crossed its threshold. */
  triggeredBy: z.array(z.enum(['requests', 'cost'])).min(1),
  /** The factor above the norm that counts as unusual (default 5). */
  multiplier: z.number(),
  at: z.number(),
  message: z.string(),
})
export type UsageWarningPayload = z.infer<typeof UsageWarningPayloadSchema>

export const usageEvents = { 'usage.warning': UsageWarningPayloadSchema } as const

export type UsageEmit = (event: 'usage.warning', payload: UsageWarningPayload) => void

export const UsageQueryInputSchema = z.strictObject({
  from: z.number(),
  to: z.number(),
  utcOffsetMinutes: z.number().int().min(-840).max(840).optional(),
  connectionId: z.string().optional(),
  provider: z.string().optional(),
  model: z.string().optional(),
})

const UsageCountsSchema = z.object({
  requests: z.number(),
  errors: z.number(),
  tokensIn: z.number(),
  tokensOut: z.number(),
  costEstimated: z.boolean(),
  unpricedRequests: z.number(),
})

export const UsageReportSchema = z.object({
  rows: z.array(
    UsageCountsSchema.extend({
      day: z.string(),
      connectionId: z.string().nullable(),
      provider: z.string(),
      model: z.string(),
      tokensReasoning: z.number(),
      tokensCached: z.number(),
      costUsd: z.number().nullable(),
    }),
  ),
  totals: UsageCountsSchema.extend({ costUsd: z.number() }),
})
