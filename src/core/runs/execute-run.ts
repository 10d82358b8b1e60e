import { LlmError, redactText, stream } from '@parallax/llm'
import type {
  CallOptions,
  ChatCompletionChunk,
  ChatRequest,
  Connection,
  FinishReason,
  ReasoningDetail,
  RetryWait,
  Usage,
} from '@parallax/llm'
import {
  describeStorageFailure,
  isStorageError,
  type HistoryStore,
  type RunProgress,
  type RunResult,
  type StorageFailure,
} from '../history'
import { textOf } from './build-messages'
import type {
  RunDonePayload,
  RunEndStatus,
  RunEventName,
  RunLiveFigures,
} from '../../shared/run-schemas'
import {
  hintFieldsOf,
  reasonFieldsOf,
  type HintFields,
  type ReasonFields,
} from '../errors/llm-hint'
import type { EventSink } from '../event-sink'
import type { LedgerEntry } from '../usage/usage-ledger'
import { LiveEstimate } from './live-estimate'
import { computeRunFigures } from './run-metrics'
import { ServedModel } from './served-model'
import { TextBatcher } from './text-batcher'
import { ToolCallAssembler } from './tool-call-assembler'

export interface RunJob {
  runId: string
  conversationId: string
  messageId: string
  connectionId: string
  provider: string
  model: string
  request: ChatRequest
  /** When the run was created (runner clock). */
  startedAt: number
  /** True when its row was saved `queued` (it waits for a slot on its connection). */
  queued?: boolean
}

export interface ExecuteDeps {
  history: HistoryStore
  resolveConnection: (connectionId: string) => Promise<Connection>
  emit: EventSink<RunEventName>
  now: () => number
  flushIntervalMs: number
  coalesceMs: number
  callOptions: Omit<CallOptions, 'signal'>
  onInternalError: (error: unknown) => void
  /** Enters a sent run in the usage ledger when its history row is gone (conversation deleted). */
  enterUsage?: (entry: LedgerEntry) => void
  /** An Azure deployment answered as `model` and its connection did not name its model yet. */
  onServedModel?: (connectionId: string, deployment: string, model: string) => void
}

export interface RunControl {
  signal: AbortSignal
  stopRequested: () => boolean
  /** True when the stop came from a shutdown, not a person: the run ends `interrupted`. */
  interrupted?: () => boolean
  /** Resolves once the run may send (its connection has a free slot); rejects if stopped first. */
  waitTurn?: () => Promise<void>
  /** Told of each wait before a retry (the runner emits run.waiting and keeps `skip`). */
  onRetryWait?: (wait: RetryWait) => void
}

interface Failure extends HintFields, ReasonFields {
  kind: string
  message: string
  retryAfterMs?: number
}

/** Marks an error thrown while loading the connection (vault locked, unknown id, wrong provider). */
class ConnectionFailure extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message)
  }
}

/**
 * Streams one run to its end: text flushed to the history store at most every flushIntervalMs,
 * run.delta batches at most every coalesceMs, then finishRun and run.done. Never rejects.
 */
export async function executeRun(
  job: RunJob,
  deps: ExecuteDeps,
  control: RunControl,
): Promise<RunDonePayload> {
  const { history, emit, now } = deps
  let answer = ''
  let reasoning = ''
  let firstTokenAt: number | null = null
  let usage: Usage | null = null
  let served: ServedModel | undefined
  let finishReason: FinishReason | null = null
  // The answer's signed reasoning, given once on the finishing chunk; saved to send back next turn.
  let reasoningDetails: ReasoningDetail[] | null = null
  let failure: Failure | null = null
  let seq = 0
  const tools = new ToolCallAssembler()
  // The first failed write (disk full, I/O error): the run cannot end `done` unless the final
  // save below still succeeds, and if it does not, this says why.
  let saveFailure: StorageFailure | null = null
  const flusher = new TextBatcher(deps.flushIntervalMs, (batch) => {
    try {
      history.appendRunText(job.runId, { ...batch, progress: progress() })
    } catch (error) {
      saveFailure ??= describeStorageFailure(error)
      deps.onInternalError(error)
    }
  })
  const promptText = job.request.messages.map((m) => textOf(m.content ?? '')).join('\n')
  const live = new LiveEstimate(job.provider, job.model, promptText)
  let latest: RunLiveFigures | null = null
  const coalescer = new TextBatcher(deps.coalesceMs, (batch) =>
    emit('run.delta', {
      runId: job.runId,
      conversationId: job.conversationId,
      seq: ++seq,
      ...batch,
      live: (latest = live.add(batch.answer + batch.reasoning, firstTokenAt, now())),
    }),
  )
  // Saved with each text flush, so a run cut by a crash (kill -9) keeps what was measured.
  const progress = (): RunProgress => {
    const sentAt = times.sent ?? times.admitted ?? now()
    return {
      ttftMs: firstTokenAt === null ? null : firstTokenAt - sentAt,
      totalMs: Math.max(0, now() - sentAt),
      tokensIn: latest?.tokensIn ?? null,
      tokensOut: latest?.tokensOut ?? null,
      costUsd: latest?.costUsd ?? null,
    }
  }

  const onChunk = (chunk: ChatCompletionChunk): void => {
    if (chunk.usage) usage = chunk.usage
    const choice = chunk.choices.find((c) => c.index === 0)
    if (!choice) return
    const delta = choice.delta
    const text = (delta.content ?? '') + (delta.refusal ?? '')
    const thought = delta.reasoning_content ?? ''
    if (delta.tool_calls?.length) tools.add(delta.tool_calls)
    if (delta.reasoning_details?.length) reasoningDetails = delta.reasoning_details
    if (firstTokenAt === null && (text || thought || delta.tool_calls?.length)) firstTokenAt = now()
    if (text || thought) {
      answer += text
      reasoning += thought
      flusher.add(text, thought)
      coalescer.add(text, thought)
    }
    if (choice.finish_reason) finishReason = choice.finish_reason
  }

  // Queue and retry waits are kept apart from the model's latency (measured from the final send).
  const times: { admitted?: number; firstSent?: number; sent?: number } = {}
  try {
    await control.waitTurn?.()
    times.admitted = now()
    if (job.queued) {
      try {
        history.markRunSent(job.runId)
      } catch (error) {
        // The row stays `queued`; finishRun still ends it, or it is `interrupted` at next open.
        saveFailure ??= describeStorageFailure(error)
        deps.onInternalError(error)
      }
    }
    const connection = await loadConnection(job, deps, control.signal)
    const seen = new ServedModel(connection, job.model)
    served = seen
    for await (const chunk of stream(job.request, connection, {
      ...deps.callOptions,
      signal: control.signal,
      onAttempt: () => {
        times.sent = now()
        times.firstSent ??= times.sent
      },
      ...(control.onRetryWait ? { onRetryWait: control.onRetryWait } : {}),
    })) {
      seen.see(chunk)
      onChunk(chunk)
    }
    const learned = seen.toRemember
    if (learned !== undefined) deps.onServedModel?.(job.connectionId, job.model, learned)
  } catch (error) {
    failure = describeFailure(error)
  }

  let status: RunEndStatus
  if (control.stopRequested() && (failure || finishReason === null)) {
    status = control.interrupted?.() ? 'interrupted' : 'stopped'
  } else status = failure ? 'error' : 'done'
  if (status !== 'error') failure = null

  const endedAt = now()
  flusher.dispose() // finishRun writes the whole text
  coalescer.flush()
  const toolCalls = tools.result()
  const figures = computeRunFigures({
    provider: job.provider,
    model: job.model,
    priceModel: served?.priceModel ?? job.model,
    startedAt: times.sent ?? times.admitted ?? endedAt,
    queueWaitMs: (times.admitted ?? endedAt) - job.startedAt,
    retryWaitMs: (times.sent ?? 0) - (times.firstSent ?? 0),
    firstTokenAt,
    endedAt,
    usage,
    promptText,
    outputText: answer + reasoning + tools.argumentsText(),
    nothingGenerated: !answer && !reasoning && tools.size === 0 && status === 'error',
  })
  const saved = saveRunEnd(job.runId, history, deps.onInternalError, {
    status,
    answer,
    reasoning,
    toolCalls: toolCalls.length ? toolCalls : null,
    reasoningDetails,
    errorKind: failure?.kind ?? null,
    errorMessage: failure?.message ?? null,
    usage: figures.usage,
    ttftMs: figures.metrics.ttftMs,
    totalMs: figures.metrics.totalMs,
    queueWaitMs: figures.metrics.queueWaitMs ?? null,
    retryWaitMs: figures.metrics.retryWaitMs ?? null,
    tokensPerSecond: figures.metrics.tokensPerSecond,
    costUsd: figures.cost.usd,
    costEstimated: figures.cost.estimated,
    sentAt: times.firstSent ?? null,
  })
  // Its conversation was deleted while it ran: the history row is gone, the spend is not.
  if (saved.ok && saved.rowGone && times.firstSent !== undefined) {
    try {
      const { runId, conversationId, connectionId, provider, model } = job
      deps.enterUsage?.({
        runId,
        conversationId,
        connectionId,
        provider,
        model,
        status,
        startedAt: times.firstSent,
        endedAt,
        tokensIn: figures.usage.tokensIn,
        tokensOut: figures.usage.tokensOut,
        tokensReasoning: figures.usage.tokensReasoning,
        tokensCached: figures.usage.tokensCached,
        costUsd: figures.cost.usd,
        costEstimated: figures.cost.estimated,
        priceKnown: !figures.cost.priceUnknown,
      })
    } catch (error) {
      deps.onInternalError(error)
    }
  }
  // Nothing is reported done (or stopped, or interrupted) that is not on disk: an unsaved end is an error.
  if (!saved.ok) {
    status = 'error'
    failure = saveFailure ?? saved.failure
  }
  const done: RunDonePayload = {
    runId: job.runId,
    conversationId: job.conversationId,
    messageId: job.messageId,
    connectionId: job.connectionId,
    provider: job.provider,
    model: job.model,
    status,
    finishReason,
    error: failure,
    ...figures,
    toolCalls,
    endedAt,
  }
  emit('run.done', done)
  return done
}

/**
 * Writes the run's end. When that fails (disk full, I/O error) it tries the smallest write that
 * still marks the row `error` (and enters what was spent in the usage ledger); if even that fails
 * the row stays `streaming` and becomes `interrupted` at the next open — never `done`.
 */
function saveRunEnd(
  runId: string,
  history: HistoryStore,
  onInternalError: (error: unknown) => void,
  result: RunResult,
): { ok: true; rowGone?: true } | { ok: false; failure: StorageFailure } {
  try {
    history.finishRun(runId, result)
    return { ok: true }
  } catch (error) {
    onInternalError(error)
    // A run whose row is gone (its conversation was deleted) has nothing left to save.
    if (!isStorageError(error)) return { ok: true, rowGone: true }
    const failure = describeStorageFailure(error)
    try {
      history.failRun(runId, failure, result)
    } catch (again) {
      onInternalError(again)
    }
    return { ok: false, failure }
  }
}

async function loadConnection(
  job: RunJob,
  deps: ExecuteDeps,
  signal: AbortSignal,
): Promise<Connection> {
  let connection: Connection
  try {
    connection = await untilAborted(deps.resolveConnection(job.connectionId), signal)
  } catch (error) {
    if (signal.aborted) throw error
    const kind = (error as { kind?: unknown } | null)?.kind
    throw new ConnectionFailure(
      typeof kind === 'string' ? kind : 'connection',
      `Could not load connection ${job.connectionId}: ${messageOf(error)}`,
    )
  }
  if (connection.provider !== job.provider) {
    throw new ConnectionFailure(
      'connection',
      `Connection ${job.connectionId} is a ${connection.provider} connection, not ${job.provider}.`,
    )
  }
  return connection
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  const stopped = () => new ConnectionFailure('aborted', 'Stopped before the request was sent.')
  if (signal.aborted) return Promise.reject(stopped())
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(stopped())
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}

function describeFailure(error: unknown): Failure {
  if (error instanceof LlmError) {
    const retry = error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }
    return {
      kind: error.kind,
      message: redactText(error.message, []),
      ...retry,
      ...hintFieldsOf(error),
      ...reasonFieldsOf(error),
    }
  }
  if (error instanceof ConnectionFailure) {
    return { kind: error.kind, message: redactText(error.message, []) }
  }
  return { kind: 'internal', message: redactText(messageOf(error), []) }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
