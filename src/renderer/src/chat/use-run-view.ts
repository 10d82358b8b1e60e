import type { HintFields } from '../../../shared/hint-schemas'
import { useLiveRun } from '../runs/live-run-context'
import type { RunWaiting } from '../runs/live-run-store'
import type { Run } from './conversation-thread'

/** A run's status (`queued` while it waits for a free slot on its connection). */
export type RunStatus = Run['status']

/** A run as the screen shows it: the saved row, overlaid with what is streaming in now. */
export interface RunView {
  id: string
  connectionId: string | null
  provider: string
  model: string
  answer: string
  reasoning: string
  status: RunStatus
  errorKind: string | null
  errorMessage: string | null
  retryAfterMs: number | null
  /** What to do about the error, as the library's hint code (live only: history keeps no hint). */
  errorHint: HintFields | null
  /** When the run ended (with retryAfterMs: when the provider will take a retry). */
  endedAt: number | null
  /** Runs ahead of it in its connection's queue (status `queued`; null when not known yet). */
  queuedAhead: number | null
  /** Its live wait before a retry, if it is waiting. */
  waiting: RunWaiting | null
  queueWaitMs: number | null
  retryWaitMs: number | null
  ttftMs: number | null
  totalMs: number | null
  tokensPerSecond: number | null
  tokensIn: number | null
  tokensOut: number | null
  costUsd: number | null
  costEstimated: boolean
  startedAt: number
}

export function useRunView(run: Run): RunView {
  const live = useLiveRun(run.id)
  const done = live?.done ?? null
  const streamingHere = live !== undefined && live.complete && !done
  // Live events win over the saved row, also for a run this window did not see start (a reload
  // while it was queued): run.queued says its place, then that it was sent.
  const liveHere = live !== undefined && !done
  const queued = liveHere && live.queuedAhead !== null
  const status: RunStatus = done
    ? done.status
    : queued
      ? 'queued'
      : streamingHere || (liveHere && run.status === 'queued')
        ? 'streaming'
        : run.status
  // A run this window saw from its start has all its text here; otherwise the saved text wins.
  const answer =
    live?.complete && live.answer.length >= run.answer.length ? live.answer : run.answer
  const reasoning =
    live?.complete && live.reasoning.length >= run.reasoning.length ? live.reasoning : run.reasoning
  const startedAt = live?.startedAt ?? run.createdAt
  const liveTtft = live?.firstTextAt && live.startedAt ? live.firstTextAt - live.startedAt : null
  return {
    id: run.id,
    connectionId: run.connectionId,
    provider: run.provider,
    model: run.model,
    answer,
    reasoning,
    status,
    errorKind: done?.error?.kind ?? run.errorKind,
    errorMessage: done?.error?.message ?? run.errorMessage,
    retryAfterMs: done?.error?.retryAfterMs ?? null,
    errorHint: done?.error ?? null,
    endedAt: done?.endedAt ?? null,
    queuedAhead: queued ? live.queuedAhead : null,
    waiting: streamingHere ? live.waiting : null,
    queueWaitMs: done?.metrics.queueWaitMs ?? run.queueWaitMs,
    retryWaitMs: done?.metrics.retryWaitMs ?? run.retryWaitMs,
    ttftMs: done?.metrics.ttftMs ?? run.ttftMs ?? liveTtft,
    totalMs: done?.metrics.totalMs ?? run.totalMs,
    tokensPerSecond: done?.metrics.tokensPerSecond ?? run.tokensPerSecond,
    tokensIn: done?.usage.tokensIn ?? run.usage.tokensIn,
    tokensOut: done?.usage.tokensOut ?? run.usage.tokensOut,
    costUsd: done ? done.cost.usd : run.costUsd,
    costEstimated: done ? done.cost.estimated : run.costEstimated,
    startedAt,
  }
}
