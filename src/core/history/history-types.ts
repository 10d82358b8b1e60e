import type { z } from 'zod'
import { RunStatusSchema } from '../../shared/history-schemas'

/** Public row shapes of the history store. Times are milliseconds since the Unix epoch. */

export type ConversationMode = 'chat' | 'compare'
export type MessageRole = 'user' | 'system'
/** Defined once, in the contract: `queued` waits for a free request slot; `streaming` was sent. */
export type RunStatus = z.infer<typeof RunStatusSchema>
/** A run that has not ended yet (still waiting in its connection's queue, or sent). */
export type OpenRunStatus = Extract<RunStatus, 'queued' | 'streaming'>
/** How a run ends; `interrupted` when the app shut down under it (or, found at open, crashed). */
export type FinishedRunStatus = Exclude<RunStatus, OpenRunStatus>

export const RUN_STATUSES: readonly RunStatus[] = RunStatusSchema.options

export interface Conversation {
  id: string
  title: string
  createdAt: number
  updatedAt: number
  pinned: boolean
  archived: boolean
  mode: ConversationMode
  tags: string[]
}

/** An image sent with a prompt, kept so the prompt can be shown and sent again. */
export interface Attachment {
  kind: 'image'
  mediaType: 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp'
  name: string | null
  /** Base64 of the file's bytes. */
  data: string
}

export interface Message {
  id: string
  conversationId: string
  /** The message this one follows; siblings share a parent (an edited prompt is a sibling). */
  parentId: string | null
  /** The answer this prompt continued from, when the thread went through a chosen run. */
  parentRunId: string | null
  role: MessageRole
  content: string
  attachments: Attachment[]
  createdAt: number
}

export interface RunUsage {
  tokensIn: number | null
  tokensOut: number | null
  tokensReasoning: number | null
  tokensCached: number | null
}

export interface Run {
  id: string
  conversationId: string
  messageId: string
  /** The vault connection id — never the secret itself. */
  connectionId: string | null
  provider: string
  model: string
  parameters: Record<string, unknown>
  systemPrompt: string | null
  answer: string
  reasoning: string
  toolCalls: unknown[] | null
  /** The library's opaque `reasoning_details` of the answer (signed thinking), sent back next turn. */
  reasoningDetails: unknown[] | null
  status: RunStatus
  errorKind: string | null
  errorMessage: string | null
  usage: RunUsage
  ttftMs: number | null
  totalMs: number | null
  /** Time spent waiting for a free slot on its connection (null: not recorded, e.g. older runs). */
  queueWaitMs: number | null
  /** Failed attempts and the waits between them before the final send (null: not recorded). */
  retryWaitMs: number | null
  tokensPerSecond: number | null
  costUsd: number | null
  costEstimated: boolean
  createdAt: number
  updatedAt: number
}

export interface ConversationDetail {
  conversation: Conversation
  /** Every message of every branch, oldest first. */
  messages: Message[]
  /** Every run of every branch, oldest first; runs with the same messageId + model are siblings. */
  runs: Run[]
}

export interface NewConversation {
  id?: string
  title: string
  mode?: ConversationMode
  tags?: string[]
  pinned?: boolean
  createdAt?: number
}

export interface NewMessage {
  id?: string
  conversationId: string
  parentId?: string | null
  parentRunId?: string | null
  role?: MessageRole
  content: string
  attachments?: Attachment[]
  createdAt?: number
}

export interface NewRun {
  id?: string
  messageId: string
  connectionId?: string | null
  provider: string
  model: string
  parameters?: Record<string, unknown>
  systemPrompt?: string | null
  /** `queued` when the run waits for a free slot on its connection (default `streaming`). */
  status?: OpenRunStatus
  createdAt?: number
}

export interface RunTextDelta {
  answer?: string
  reasoning?: string
  /** What was measured so far, saved with the text: a run cut by a crash keeps it. */
  progress?: RunProgress
}

/**
 * A streaming run's figures so far (tokens and cost are estimates, and saved as such): its end
 * replaces them; a crash leaves them on the row it finds `interrupted` at the next open.
 */
export interface RunProgress {
  ttftMs: number | null
  totalMs: number
  tokensIn: number | null
  tokensOut: number | null
  costUsd: number | null
}

export interface RunResult {
  status: FinishedRunStatus
  /** Replaces the streamed answer when given (e.g. the provider's final full text). */
  answer?: string
  reasoning?: string
  toolCalls?: unknown[] | null
  reasoningDetails?: unknown[] | null
  errorKind?: string | null
  errorMessage?: string | null
  usage?: Partial<RunUsage>
  ttftMs?: number | null
  totalMs?: number | null
  queueWaitMs?: number | null
  retryWaitMs?: number | null
  tokensPerSecond?: number | null
  costUsd?: number | null
  costEstimated?: boolean
  /**
   * When its request first went to the provider. A run with one is entered in the usage ledger
   * (src/core/usage/usage-ledger.ts) as it ends; one never sent (stopped in line, its connection
   * could not load) is not.
   */
  sentAt?: number | null
}

/** What `updateConversation` may change; a field left out stays as it is. */
export interface ConversationChanges {
  title?: string
  pinned?: boolean
  archived?: boolean
  tags?: string[]
}

export interface ListConversationsOptions {
  /** false (default): only active; true: only archived; 'all': both. */
  archived?: boolean | 'all'
  /** Only conversations with a run on one of these providers (and models, when given). */
  provider?: string | string[]
  /** Only conversations with a run of one of these models (exact ids). */
  model?: string | string[]
  limit?: number
  cursor?: string | null
}

export interface ConversationPage {
  items: Conversation[]
  /** Pass back as `cursor` for the next page; null at the end. */
  nextCursor: string | null
}
