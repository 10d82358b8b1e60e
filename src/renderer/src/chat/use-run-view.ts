import type { HintFields } from '../../../shared/hint-schemas'
import type { ReasonFields } from '../../../shared/run-schemas'
import { useLiveRun } from '../runs/live-run-context'
import type { LiveRun, RunWaiting } from '../runs/live-run-store'
import type { Run } from './conversation-thread'

/**
 * A run's status (`queued` while it waits for a free slot on its connection). `disconnected` is
 * this window's own: the run was open when the connection to the host was lost, so nothing more
 * arrives; its saved row says how it ended once the host is back.
 */
export type RunStatus = Run['status'] | 'disconnected'

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
  /**
   * What to do about the error and, for a refused field, why: the library's codes (live only:
   * history keeps neither).
   */
  errorHint: (HintFields & ReasonFields) | null
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
  /** True when tokensPerSecond rests on estimated output tokens (always while streaming). */
  speedEstimated: boolean
  tokensIn: number | null
  tokensOut: number | null
  /** True when the token counts are estimates (while streaming, or no usage from the provider). */
  tokensEstimated: boolean
  costUsd: number | null
  costEstimated: boolean
  startedAt: number
}

export function useRunView(run: Run): RunView {
  return runViewOf(run, useLiveRun(run.id))
}

/** The saved row overlaid with the live run, if this window has one. */
export function runViewOf(run: Run, live: LiveRun | undefined): RunView {
  const done = live?.done ?? null
  const streamingHere = live !== undefined && live.complete && !done
  // Live events win over the saved row, also for a run this window did not see start (a reload
  // while it was queued): run.queued says its place, then that it was sent.
  const liveHere = live !== undefined && !done
  const queued = liveHere && live.queuedAhead !== null
  const lostAt = liveHere ? live.lostAt : undefined
  const status: RunStatus = done
    ? done.status
    : lostAt !== undefined
      ? 'disconnected'
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
  // While it streams: the host's running estimate (tokens so far, speed, cost), marked as such.
  const estimate =
    !done && (status === 'streaming' || status === 'disconnected') ? (live?.estimate ?? null) : null
  // A saved row keeps no usage flag; a priced cost marked estimated means estimated tokens.
  const savedEstimated = run.costEstimated && run.costUsd !== null
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
    // Cut off by a lost connection: the clock stops when it was lost.
    totalMs:
      done?.metrics.totalMs ??
      (lostAt === undefined ? run.totalMs : Math.max(0, lostAt - startedAt)),
    tokensPerSecond: done
      ? (done.metrics.tokensPerSecond ?? run.tokensPerSecond)
      : estimate
        ? estimate.tokensPerSecond
        : run.tokensPerSecond,
    speedEstimated: done
      ? done.metrics.tokensPerSecondEstimated
      : estimate !== null || savedEstimated,
    tokensIn: done
      ? (done.usage.tokensIn ?? run.usage.tokensIn)
      : (estimate?.tokensIn ?? run.usage.tokensIn),
    tokensOut: done
      ? (done.usage.tokensOut ?? run.usage.tokensOut)
      : (estimate?.tokensOut ?? run.usage.tokensOut),
    tokensEstimated: done ? done.usage.estimated : estimate !== null || savedEstimated,
    costUsd: done ? done.cost.usd : estimate ? estimate.costUsd : run.costUsd,
    costEstimated: done ? done.cost.estimated : estimate !== null || run.costEstimated,
    startedAt,
  }
}
