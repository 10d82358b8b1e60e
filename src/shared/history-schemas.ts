import { z } from 'zod'
import { MarkdownLabelsSchema } from './markdown-labels'

/** `queued`: waiting for a free request slot on its connection; `streaming`: sent. */
export const RunStatusSchema = z.enum([
  'queued',
  'streaming',
  'done',
  'stopped',
  'error',
  'interrupted',
])

export const ConversationSchema = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  pinned: z.boolean(),
  archived: z.boolean(),
  mode: z.enum(['chat', 'compare']),
  tags: z.array(z.string()),
})

export const MessageSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  parentId: z.string().nullable(),
  parentRunId: z.string().nullable(),
  role: z.enum(['user', 'system']),
  content: z.string(),
  /** Images sent with the prompt (base64). */
  attachments: z.array(
    z.object({
      kind: z.literal('image'),
      mediaType: z.string(),
      name: z.string().nullable(),
      data: z.string(),
    }),
  ),
  createdAt: z.number(),
})

export const RunSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  messageId: z.string(),
  connectionId: z.string().nullable(),
  provider: z.string(),
  model: z.string(),
  parameters: z.record(z.string(), z.unknown()),
  systemPrompt: z.string().nullable(),
  answer: z.string(),
  reasoning: z.string(),
  toolCalls: z.array(z.unknown()).nullable(),
  status: RunStatusSchema,
  errorKind: z.string().nullable(),
  errorMessage: z.string().nullable(),
  usage: z.object({
    tokensIn: z.number().nullable(),
    tokensOut: z.number().nullable(),
    tokensReasoning: z.number().nullable(),
    tokensCached: z.number().nullable(),
  }),
  ttftMs: z.number().nullable(),
  totalMs: z.number().nullable(),
  /** Waits kept apart from the model's latency (null: not recorded, e.g. runs saved before). */
  queueWaitMs: z.number().nullable(),
  retryWaitMs: z.number().nullable(),
  tokensPerSecond: z.number().nullable(),
  costUsd: z.number().nullable(),
  costEstimated: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
})

export const ConversationDetailSchema = z.object({
  conversation: ConversationSchema,
  messages: z.array(MessageSchema),
  runs: z.array(RunSchema),
})

const SearchMatchSchema = z.object({
  kind: z.enum(['title', 'prompt', 'answer']),
  messageId: z.string().nullable(),
  runId: z.string().nullable(),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  status: RunStatusSchema.nullable(),
  createdAt: z.number(),
  /** `highlights` are [start, end) offsets into `text`; `marked` wraps each match in «…». */
  snippet: z.object({
    text: z.string(),
    highlights: z.array(z.tuple([z.number(), z.number()])),
    marked: z.string(),
  }),
})

export const SearchHitSchema = SearchMatchSchema.extend({
  conversationId: z.string(),
  conversationTitle: z.string(),
  /** With `group: 'conversation'`: how many titles, prompts and answers of it match. */
  matches: z.number().int().optional(),
  /** With `group: 'conversation'`: its next best matches (at most two). */
  more: z.array(SearchMatchSchema).optional(),
})

export const HistoryListInputSchema = z.strictObject({
  archived: z.union([z.boolean(), z.literal('all')]).optional(),
  /** Only conversations with a run on this provider (any of these). */
  provider: z.union([z.string(), z.array(z.string())]).optional(),
  /** Only conversations with a run of this model id (any of these). */
  model: z.union([z.string(), z.array(z.string())]).optional(),
  limit: z.number().int().min(1).max(200).optional(),
  cursor: z.string().nullable().optional(),
})

export const HistorySearchInputSchema = z.strictObject({
  query: z.string().max(500),
  match: z.enum(['all-words', 'phrase']).optional(),
  provider: z.union([z.string(), z.array(z.string())]).optional(),
  model: z.union([z.string(), z.array(z.string())]).optional(),
  status: z.union([RunStatusSchema, z.array(RunStatusSchema)]).optional(),
  from: z.number().optional(),
  to: z.number().optional(),
  kinds: z.array(z.enum(['title', 'prompt', 'answer'])).optional(),
  includeArchived: z.boolean().optional(),
  /** One hit per conversation (its best match, a count and two more); `limit` counts them. */
  group: z.literal('conversation').optional(),
  limit: z.number().int().min(1).max(100).optional(),
  cursor: z.string().nullable().optional(),
})

export const HistoryUpdateInputSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string().trim().min(1).max(200).optional(),
  pinned: z.boolean().optional(),
  archived: z.boolean().optional(),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
})

export const HistoryExportInputSchema = z.strictObject({
  format: z.enum(['json', 'markdown']),
  /** Leave out to export everything. */
  conversationIds: z.array(z.string().min(1)).optional(),
  /** The person's IANA time zone, for the file name's time (the host's when left out or unknown). */
  timeZone: z.string().max(100).optional(),
  /** Markdown: the labels in the UI's language (English when left out). */
  labels: MarkdownLabelsSchema.optional(),
})

export const HistoryExportSchema = z.object({
  format: z.enum(['json', 'markdown']),
  fileName: z.string(),
  /** The JSON text (lossless, versioned) or the Markdown. Never contains a secret. */
  content: z.string(),
})

const ImportCountsSchema = z.object({ added: z.number().int(), existing: z.number().int() })

export const ImportReportSchema = z.object({
  conversations: ImportCountsSchema,
  messages: ImportCountsSchema,
  runs: ImportCountsSchema,
})

export const HistoryBackupSchema = z.object({
  /** The file name in the data folder's `backups/` (what `history.restore` takes). */
  file: z.string(),
  createdAt: z.number(),
  size: z.number().int().nonnegative(),
  /** `migration`: taken just before an update changed the database's format. */
  reason: z.enum(['daily', 'migration']),
})

export const HistoryBackupsSchema = z.object({
  /** Newest first. */
  backups: z.array(HistoryBackupSchema),
  /** The backup that replaces the history at the next start, if one was chosen. */
  pendingRestore: z.string().nullable(),
})

/** A name from `history.backups` — never a path: anything else is refused. */
export const HistoryRestoreInputSchema = z.strictObject({
  backup: z.string().min(1).max(200),
})

export const HistoryRestoreOutputSchema = z.object({
  backup: z.string(),
  /** The restore happens when Parallax next starts (the current history is kept aside). */
  restartRequired: z.literal(true),
})
