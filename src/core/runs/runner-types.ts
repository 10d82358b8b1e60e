import type { CallOptions, ChatMessage, ChatRequest, Connection, ProviderId } from '../../llm/types'
import type { HistoryStore } from '../history'
import type { RunDonePayload, RunEmit } from '../../shared/run-schemas'

/**
 * Request fields a run may set (everything but the model and the messages). `n` is never sent: in
 * a chat it asks for n answers, each a run of its own; a comparison refuses n > 1.
 */
export type RunParameters = Omit<ChatRequest, 'model' | 'messages' | 'stream' | 'stream_options'>

export interface RunnerOptions {
  history: HistoryStore
  /** Loads a connection with its secrets (the vault); called once per run, after its row exists. */
  resolveConnection: (connectionId: string) => Promise<Connection>
  emit: RunEmit
  /** Clock for metrics, ms since the epoch. */
  now?: () => number
  /** Streamed text reaches the database at most this often (default 500 ms). */
  flushIntervalMs?: number
  /** run.delta batches per run at most this often (default 16 ms). */
  coalesceMs?: number
  /** Passed to every stream() call (timeouts, retries); the runner adds its own abort signal. */
  callOptions?: Omit<CallOptions, 'signal'>
  /** Requests a connection may have in flight at once (default 8); read as each slot frees. */
  maxInFlightOf?: (connectionId: string) => number
  /** Called after each run has ended and its row is saved (e.g. the usage monitor). */
  onRunEnd?: (done: RunDonePayload) => void
  /** Failures of the runner's own bookkeeping (e.g. the database closed mid-run). Default: console.warn. */
  onInternalError?: (error: unknown) => void
}

export interface StartChatInput {
  /** Continue this conversation; a new one (mode `chat`) is created when absent. */
  conversationId?: string
  /** Title of a new conversation (default: the prompt's first line). */
  title?: string
  connectionId: string
  provider: ProviderId
  model: string
  /** With n (1–8): that many answers, each a run of its own (siblings of the prompt). */
  parameters?: RunParameters
  /** undefined: inherit the previous turn's; null: none. */
  systemPrompt?: string | null
  /** The new prompt; earlier turns come from the conversation's history. */
  prompt?: string
  /** Images sent with the prompt (kept with it in history). */
  images?: ImageInput[]
  /** Or the whole message list as given (its last user message is saved as the prompt). */
  messages?: ChatMessage[]
  /** The prompt this one follows (default: the conversation's latest message). */
  parentMessageId?: string | null
  /** The answer this prompt continues from (default: the best answer to the parent). */
  parentRunId?: string | null
}

export interface StartedChat {
  conversationId: string
  messageId: string
  /** The first answer's run (runIds[0]). */
  runId: string
  /** One run per answer (parameters.n), in the order they were started. */
  runIds: string[]
}

export interface CompareTarget {
  connectionId: string
  provider: ProviderId
  model: string
  parameters?: RunParameters
}

export interface StartComparisonInput {
  /** Follow up in this comparison; a new conversation (mode `compare`) is created when absent. */
  conversationId?: string
  title?: string
  prompt: string
  images?: ImageInput[]
  /** Shared by every column. undefined: each column inherits its previous turn's; null: none. */
  systemPrompt?: string | null
  /** 2–8 columns; on a follow-up, default: the columns of the previous turn. */
  targets?: CompareTarget[]
  /** The prompt this one follows (default: the conversation's latest message). */
  parentMessageId?: string | null
}

export interface RerunInput {
  /** An earlier prompt: the new runs become siblings of its existing runs. */
  messageId: string
  /** In a chat, a target's parameters.n starts that many answers (at most 8 runs in all). */
  targets: CompareTarget[]
  /** undefined: the prompt's earlier runs' system prompt; null: none. */
  systemPrompt?: string | null
}

export interface StartedGroup {
  conversationId: string
  messageId: string
  /** The id stopComparison takes (the prompt's message id). */
  groupId: string
  /** One per target, in target order. */
  runIds: string[]
}

export interface Runner {
  startChat(input: StartChatInput): StartedChat
  startComparison(input: StartComparisonInput): StartedGroup
  rerun(input: RerunInput): StartedGroup
  /** Stops one run; resolves true once it is saved as `stopped`, false when it was not live. */
  stop(runId: string): Promise<boolean>
  /** Ends a run's wait before a retry (run.waiting) at once; false when it is not waiting. */
  retryNow(runId: string): boolean
  /** Stops every live run of a conversation or of one prompt (group id); resolves their count. */
  stopComparison(id: string): Promise<number>
  /** Stops every live run (shutdown); resolves once all are saved. */
  stopAll(): Promise<number>
  /** Resolves with the run's run.done payload once it ends (undefined when it is not live). */
  settled(runId: string): Promise<RunDonePayload | undefined>
  liveRunIds(): string[]
}

export interface ImageInput {
  mediaType: 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp'
  /** Base64 of the file's bytes. */
  data: string
  name?: string | undefined
}
