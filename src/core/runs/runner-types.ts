import type { CallOptions, ChatMessage, Connection, ProviderId } from '@parallax/llm'
import type { MethodOutput, MethodParsedInput } from '../../shared/contract'
import type { RunDonePayload, RunEventName } from '../../shared/run-schemas'
import type { EventSink } from '../event-sink'
import type { HistoryStore } from '../history'
import type { LedgerEntry } from '../usage/usage-ledger'

/*
 * A run takes what the contract's methods give it once parsed (src/shared/run-input-schemas.ts),
 * plus what the core adds: each target's provider, looked up from its saved connection, and, for
 * callers inside the core, a whole message list instead of a prompt.
 */

/**
 * Request fields a run may set (everything but the model and the messages). `n` is never sent: in
 * a chat it asks for n answers, each a run of its own; a comparison refuses n > 1.
 */
export type RunParameters = NonNullable<MethodParsedInput<'runs.startChat'>['parameters']>

export type ImageInput = NonNullable<MethodParsedInput<'runs.startChat'>['images']>[number]

export interface RunnerOptions {
  history: HistoryStore
  /** Loads a connection with its secrets (the vault); called once per run, after its row exists. */
  resolveConnection: (connectionId: string) => Promise<Connection>
  emit: EventSink<RunEventName>
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
  /** Called as each run starts, after run.started (e.g. the spend monitor's burst check). */
  onRunStart?: (run: { connectionId: string; startedAt: number }) => void
  /** Called after each run has ended and its row is saved (e.g. the usage monitor). */
  onRunEnd?: (done: RunDonePayload) => void
  /** Enters a sent run in the usage ledger when its row is gone (its conversation was deleted). */
  enterUsage?: (entry: LedgerEntry) => void
  /** An Azure deployment answered as `model` and its connection did not name its model yet. */
  onServedModel?: (connectionId: string, deployment: string, model: string) => void
  /** Failures of the runner's own bookkeeping (e.g. the database closed mid-run). Default: console.warn. */
  onInternalError?: (error: unknown) => void
}

export type StartChatInput = Omit<MethodParsedInput<'runs.startChat'>, 'prompt'> & {
  provider: ProviderId
  /** The new prompt; earlier turns come from the conversation's history. */
  prompt?: string
  /** Or the whole message list as given (its last user message is saved as the prompt). */
  messages?: ChatMessage[]
}

/** One run per answer (parameters.n); `runId` is the first. */
export type StartedChat = MethodOutput<'runs.startChat'>

/** One column: a target of the contract with its connection's provider. */
export type CompareTarget = MethodParsedInput<'runs.rerun'>['targets'][number] & {
  provider: ProviderId
}

export type StartComparisonInput = Omit<MethodParsedInput<'compare.start'>, 'targets'> & {
  /** 2–8 columns; on a follow-up, default: the columns of the previous turn. */
  targets?: CompareTarget[]
}

export type RerunInput = Omit<MethodParsedInput<'runs.rerun'>, 'targets'> & {
  /** In a chat, a target's parameters.n starts that many answers (at most 8 runs in all). */
  targets: CompareTarget[]
}

/** One run per target, in target order; `groupId` is what stopComparison takes. */
export type StartedGroup = MethodOutput<'compare.start'>

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
  /**
   * Ends every live run because the app is shutting down (a signal, a quit): each is saved
   * `interrupted`, never `stopped` (a person's Stop), with its text and what was measured so far.
   * Resolves with their count once all are saved.
   */
  interruptAll(): Promise<number>
  /** Resolves with the run's run.done payload once it ends (undefined when it is not live). */
  settled(runId: string): Promise<RunDonePayload | undefined>
  liveRunIds(): string[]
}
