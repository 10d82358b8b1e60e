import type { ParallaxClient } from '../../../shared/client'
import type { EventPayload } from '../../../shared/contract'
import { startFlushProbe } from './flush-probe'

export type RunDone = EventPayload<'run.done'>
export type RunStarted = EventPayload<'run.started'>

/** What the screen shows of a run while (and right after) it streams. */
export interface LiveRun {
  runId: string
  conversationId: string
  messageId: string
  answer: string
  reasoning: string
  /** True when this window saw the run start, so `answer` holds all of its text. */
  complete: boolean
  startedAt: number | null
  /** When the first text arrived here (for a live time-to-first-token). */
  firstTextAt: number | null
  done: RunDone | null
}

type Listener = () => void

/**
 * Keeps the text of live runs from run.* events. Deltas are applied at most once per animation
 * frame, however fast they arrive, so a screen re-renders once per frame per run.
 */
export class LiveRunStore {
  private readonly runs = new Map<string, LiveRun>()
  private readonly listeners = new Map<string, Set<Listener>>()
  private readonly anyListeners = new Set<(run: LiveRun) => void>()
  private pending = new Map<string, { answer: string; reasoning: string }>()
  private frame: number | null = null

  constructor(
    private readonly client: ParallaxClient,
    private readonly schedule: (flush: () => void) => number = (flush) =>
      requestAnimationFrame(flush),
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Starts listening to the host's run events; returns the function that stops it. */
  connect(): () => void {
    const off = [
      this.client.on('run.started', (payload) => this.started(payload)),
      this.client.on('run.delta', (payload) => this.delta(payload)),
      this.client.on('run.done', (payload) => this.finished(payload)),
    ]
    return () => off.forEach((stop) => stop())
  }

  get(runId: string): LiveRun | undefined {
    return this.runs.get(runId)
  }

  subscribe(runId: string, listener: Listener): () => void {
    let set = this.listeners.get(runId)
    if (!set) this.listeners.set(runId, (set = new Set()))
    set.add(listener)
    return () => set.delete(listener)
  }

  /** Every change to any run (after it is applied): for screens that follow a conversation. */
  onAny(listener: (run: LiveRun) => void): () => void {
    this.anyListeners.add(listener)
    return () => this.anyListeners.delete(listener)
  }

  private started(payload: RunStarted): void {
    this.put({
      runId: payload.runId,
      conversationId: payload.conversationId,
      messageId: payload.messageId,
      answer: '',
      reasoning: '',
      complete: true,
      startedAt: payload.startedAt,
      firstTextAt: null,
      done: null,
    })
  }

  private delta(payload: EventPayload<'run.delta'>): void {
    if (!this.runs.has(payload.runId)) {
      this.put({
        runId: payload.runId,
        conversationId: payload.conversationId,
        messageId: '',
        answer: '',
        reasoning: '',
        complete: false,
        startedAt: null,
        firstTextAt: null,
        done: null,
      })
    }
    const queued = this.pending.get(payload.runId) ?? { answer: '', reasoning: '' }
    queued.answer += payload.answer
    queued.reasoning += payload.reasoning
    this.pending.set(payload.runId, queued)
    this.frame ??= this.schedule(() => this.flush())
  }

  private finished(payload: RunDone): void {
    this.flush()
    const run = this.runs.get(payload.runId)
    this.put({
      ...(run ?? {
        runId: payload.runId,
        conversationId: payload.conversationId,
        answer: '',
        reasoning: '',
        complete: false,
        startedAt: null,
        firstTextAt: null,
      }),
      messageId: payload.messageId,
      done: payload,
    })
  }

  /** Applies queued text now (also called before a run's end so no text comes after it). */
  flush(): void {
    this.frame = null
    if (this.pending.size === 0) return
    const probe = startFlushProbe()
    const pending = this.pending
    this.pending = new Map()
    for (const [runId, text] of pending) {
      const run = this.runs.get(runId)
      if (!run) continue
      this.put({
        ...run,
        answer: run.answer + text.answer,
        reasoning: run.reasoning + text.reasoning,
        firstTextAt: run.firstTextAt ?? this.now(),
      })
    }
    probe?.()
  }

  private put(run: LiveRun): void {
    this.runs.set(run.runId, run)
    for (const listener of this.listeners.get(run.runId) ?? []) listener()
    for (const listener of this.anyListeners) listener(run)
  }
}
