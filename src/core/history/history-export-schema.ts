import { z } from 'zod'

/** The JSON export format, version 1. Times are ms since the Unix epoch. */
export const HISTORY_FORMAT = 'parallax-history'
export const HISTORY_FORMAT_VERSION = 1

/** Up to the last moment a JavaScript Date can hold (the Markdown export prints dates). */
const time = z.number().int().nonnegative().max(8.64e15)
const count = z.number().int().nonnegative().nullable()

export const ExportedAttachmentSchema = z.strictObject({
  kind: z.literal('image'),
  mediaType: z.enum(['image/png', 'image/jpeg', 'image/gif', 'image/webp']),
  name: z.string().max(200).nullable(),
  data: z.base64(),
})

export const ExportedMessageSchema = z.strictObject({
  id: z.string().min(1),
  parentId: z.string().min(1).nullable(),
  parentRunId: z.string().min(1).nullable(),
  role: z.enum(['user', 'system']),
  content: z.string(),
  /** Left out when the prompt had no images. */
  attachments: z.array(ExportedAttachmentSchema).max(16).optional(),
  createdAt: time,
})

/** Parameters and tool calls nest a few levels; far deeper is a broken or hostile file. */
const MAX_NESTING = 64

function nestingOf(value: unknown): number {
  let deepest = 0
  const pending: [unknown, number][] = [[value, 0]]
  while (pending.length > 0) {
    const [item, depth] = pending.pop() as [unknown, number]
    if (item === null || typeof item !== 'object') continue
    deepest = Math.max(deepest, depth + 1)
    if (deepest > MAX_NESTING) return deepest
    for (const inner of Object.values(item)) pending.push([inner, depth + 1])
  }
  return deepest
}

const shallow = <T extends z.ZodType>(schema: T) =>
  schema.refine((value) => nestingOf(value) <= MAX_NESTING, {
    message: `Nested more than ${MAX_NESTING} levels deep.`,
  })

export const ExportedRunSchema = z.strictObject({
  id: z.string().min(1),
  messageId: z.string().min(1),
  connectionId: z.string().nullable(),
  provider: z.string().min(1),
  model: z.string().min(1),
  parameters: shallow(z.record(z.string(), z.unknown())),
  systemPrompt: z.string().nullable(),
  answer: z.string(),
  reasoning: z.string(),
  toolCalls: shallow(z.array(z.unknown())).nullable(),
  /** The answer's signed reasoning (opaque); left out by older exports (read as null). */
  reasoningDetails: shallow(z.array(z.unknown())).nullable().optional(),
  status: z.enum(['queued', 'streaming', 'done', 'stopped', 'error', 'interrupted']),
  errorKind: z.string().nullable(),
  errorMessage: z.string().nullable(),
  usage: z.strictObject({
    tokensIn: count,
    tokensOut: count,
    tokensReasoning: count,
    tokensCached: count,
  }),
  ttftMs: z.number().nonnegative().nullable(),
  totalMs: z.number().nonnegative().nullable(),
  /** Left out by exports made before schema version 5 (read as null). */
  queueWaitMs: z.number().nonnegative().nullable().optional(),
  retryWaitMs: z.number().nonnegative().nullable().optional(),
  tokensPerSecond: z.number().nonnegative().nullable(),
  costUsd: z.number().nonnegative().nullable(),
  costEstimated: z.boolean(),
  createdAt: time,
  updatedAt: time,
})

export const ExportedConversationSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string(),
  createdAt: time,
  updatedAt: time,
  pinned: z.boolean(),
  archived: z.boolean(),
  mode: z.enum(['chat', 'compare']),
  tags: z.array(z.string()),
  messages: z.array(ExportedMessageSchema),
  runs: z.array(ExportedRunSchema),
})

export const HistoryExportSchema = z.strictObject({
  format: z.literal(HISTORY_FORMAT),
  version: z.literal(HISTORY_FORMAT_VERSION),
  exportedAt: time,
  conversations: z.array(ExportedConversationSchema),
})

export type ExportedMessage = z.infer<typeof ExportedMessageSchema>
export type ExportedRun = z.infer<typeof ExportedRunSchema>
export type ExportedConversation = z.infer<typeof ExportedConversationSchema>
export type HistoryExport = z.infer<typeof HistoryExportSchema>
