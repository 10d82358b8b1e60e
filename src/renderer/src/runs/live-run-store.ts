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

/** Milliseconds of rendering that one frame may spend on streamed text. */
export const FRAME_BUDGET_MS = 8
/**
 * The least time between two showings of streamed text: about 30 a second, which reads as
 * smooth, at half the layout and paint work of showing it every frame (see bench/ui-stream).
 */
export const MIN_FLUSH_INTERVAL_MS = 30

/**
 * Keeps the text of live runs from run.* events. Deltas are applied in an animation frame, at
 * most ~30 times a second however fast they arrive, so a screen re-renders at that pace per run.
 *
 * A frame shows as many runs' new text as fit in FRAME_BUDGET_MS, judged by how long rendering
 * a run took in earlier frames; the runs left out go first next frame. With eight columns
 * streaming on a slow machine each column then updates every other frame or so, instead of every
 * frame running long and the window stuttering.
 */
export class LiveRunStore {
  private readonly runs = new Map<string, LiveRun>()
  private readonly listeners = new Map<string, Set<Listener>>()
  private readonly pending = new Map<string, { answer: string; reasoning: string }>()
  /** The frame number in which each run's text was last shown (for fairness). */
  private readonly shownAt = new Map<string, number>()
  private frames = 0
  private lastFlushAt = -Infinity
  private frame: number | null = null
  /** Measured milliseconds of rendering per run shown (a moving average; 0 until measured). */
  private costPerRun = 0

  constructor(
    private readonly client: ParallaxClient,
    private readonly schedule: (flush: () => void) => number = (flush) =>
      requestAnimationFrame(flush),
    private readonly now: () => number = () => Date.now(),
    private readonly clock: () => number = () => performance.now(),
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
    this.shownAt.delete(payload.runId)
    const queued = this.pending.get(payload.runId)
    if (queued) {
      this.pending.delete(payload.runId)
      this.apply(payload.runId, queued)
    }
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

  /** Shows queued text: all of it when rendering is cheap, else the runs that waited longest. */
  flush(): void {
    this.frame = null
    if (this.pending.size === 0) return
    const started = this.clock()
    // A little slack: animation frames arrive with jitter, and two frames (33 ms) must pass.
    if (started - this.lastFlushAt < MIN_FLUSH_INTERVAL_MS - 4) {
      this.frame = this.schedule(() => this.flush())
      return
    }
    this.lastFlushAt = started
    const probe = startFlushProbe()
    const frame = ++this.frames
    const fit = this.costPerRun > 0 ? Math.floor(FRAME_BUDGET_MS / this.costPerRun) : Infinity
    const due = [...this.pending.keys()]
      .sort((a, b) => (this.shownAt.get(a) ?? 0) - (this.shownAt.get(b) ?? 0))
      .slice(0, Math.max(1, fit))
    for (const runId of due) {
      const text = this.pending.get(runId)
      this.pending.delete(runId)
      this.shownAt.set(runId, frame)
      if (text) this.apply(runId, text)
    }
    if (this.pending.size > 0) this.frame = this.schedule(() => this.flush())
    // React renders the runs just shown in a microtask queued by their listeners; this one
    // runs after it and so measures that render.
    queueMicrotask(() => this.measure((this.clock() - started) / due.length))
    probe?.()
  }

  /** Applies queued text to one run and tells its listeners. */
  private apply(runId: string, text: { answer: string; reasoning: string }): void {
    const run = this.runs.get(runId)
    if (!run) return
    this.put({
      ...run,
      answer: run.answer + text.answer,
      reasoning: run.reasoning + text.reasoning,
      firstTextAt: run.firstTextAt ?? this.now(),
    })
  }

  private measure(msPerRun: number): void {
    this.costPerRun = this.costPerRun === 0 ? msPerRun : 0.7 * this.costPerRun + 0.3 * msPerRun
  }

  private put(run: LiveRun): void {
    this.runs.set(run.runId, run)
    for (const listener of this.listeners.get(run.runId) ?? []) listener()
  }
}
