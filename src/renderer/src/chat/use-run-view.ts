import { useLiveRun } from '../runs/live-run-context'
import type { Run } from './conversation-thread'

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
  const status: RunStatus = done ? done.status : streamingHere ? 'streaming' : run.status
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
