import type { ParallaxClient } from '../../../shared/client'
import type { EventPayload, MethodOutput } from '../../../shared/contract'
import { onEventsMissed } from '../host/events-missed'
import { startFlushProbe } from './flush-probe'
import { recheckLiveRuns } from './recheck-live-runs'

export type RunDone = EventPayload<'run.done'>
export type RunStarted = EventPayload<'run.started'>
export type RunWaiting = EventPayload<'run.waiting'>
export type LiveFigures = NonNullable<EventPayload<'run.delta'>['live']>
/** Streamed text waiting to be shown, with the latest estimate that came with it. */
type QueuedText = { answer: string; reasoning: string; live?: LiveFigures }
type SavedRunStatus = MethodOutput<'history.get'>['runs'][number]['status']

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
  /** Runs ahead of it in its connection's queue while it waits for a slot; null once sent. */
  queuedAhead: number | null
  /** Its wait before a retry (run.waiting), until text arrives or it ends. */
  waiting: RunWaiting | null
  done: RunDone | null
  /** Tokens, speed and cost so far, estimated by the host (the latest run.delta's `live`). */
  estimate?: LiveFigures
  /**
   * When the connection to the host was lost while the run was open (the host stopped or went
   * away): nothing more will arrive here, so the card stops where it is. Undefined while connected.
   */
  lostAt?: number
}

/** Told of a change to one run; `urgent` for its start and end, false for streamed text. */
type Listener = (urgent: boolean) => void

/**
 * The least time between two showings of streamed text: about 30 a second, which reads as
 * smooth, at half the layout and paint work of showing it every frame (see bench/ui-stream).
 */
export const MIN_FLUSH_INTERVAL_MS = 30
/** How long a showing may wait for the screen to render the last one (a run scrolled away). */
export const MAX_RENDER_WAIT_MS = 500

/**
 * Keeps the text of live runs from run.* events. Deltas are applied in an animation frame, at
 * most ~30 times a second however fast they arrive.
 *
 * Streamed text is shown as a non-urgent update (see `useLiveRun`): React renders it in slices
 * of a few milliseconds between frames instead of one long task. The store does not show more
 * text until the screen has rendered what it showed last (`rendered`), so on a slow machine, or
 * with many columns, updates come less often instead of piling up.
 */
export class LiveRunStore {
  private readonly runs = new Map<string, LiveRun>()
  private readonly listeners = new Map<string, Set<Listener>>()
  private readonly pending = new Map<string, QueuedText>()
  /** Runs shown in the last flush whose new text is not on the screen yet. */
  private readonly awaiting = new Set<string>()
  private endProbe: (() => void) | null = null
  private lastFlushAt = -Infinity
  private frame: number | null = null

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
      this.client.on('run.queued', (payload) => this.queued(payload)),
      this.client.on('run.waiting', (payload) => this.waited(payload)),
      this.client.on('run.delta', (payload) => this.delta(payload)),
      this.client.on('run.done', (payload) => this.finished(payload)),
      // Events lost for good (the web host could not replay them): read the open runs again.
      onEventsMissed(this.client, () => void recheckLiveRuns(this, this.client)),
      // The host stopped or went away: no run.done will come for what is open now.
      this.client.on('app.notice', (notice) => {
        if (notice.code === 'host.stopping' || notice.code === 'host.unreachable') {
          this.lost(notice.at)
        }
      }),
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
    return () => {
      set.delete(listener)
      // A second call, after a new card subscribed, must not remove that card's listeners.
      if (set.size > 0 || this.listeners.get(runId) !== set) return
      this.listeners.delete(runId)
      this.settle(runId)
      this.forgetIfFinished(runId)
    }
  }

  /**
   * A finished run is dropped once the last card showing it goes away: its text and metrics were
   * saved in history before its end was announced, and a card shown again reads them from there.
   * So a window kept open all day does not hold every answer it ever streamed. (A run that ends
   * before any card shows it stays: the card about to mount may have read history before the end.)
   */
  private forgetIfFinished(runId: string): void {
    if (this.runs.get(runId)?.done && !this.listeners.has(runId)) this.runs.delete(runId)
  }

  /** Called by the screen once it has committed `run`: the run's latest text is showing. */
  rendered(runId: string, run: LiveRun): void {
    if (this.runs.get(runId) === run) this.settle(runId)
  }

  private started(payload: RunStarted): void {
    this.put({
      runId: payload.runId,
      conversationId: payload.conversationId,
      messageId: payload.messageId,
      answer: '',
      reasoning: '',
      complete: true,
      // A queued run's clock starts when it is sent (its queue wait is not the model's latency).
      startedAt: payload.status === 'queued' ? null : payload.startedAt,
      firstTextAt: null,
      queuedAhead: payload.status === 'queued' ? payload.ahead : null,
      waiting: null,
      done: null,
    })
  }

  /** Runs this window takes to be still queued or streaming (no run.done seen). */
  openRuns(): LiveRun[] {
    return [...this.runs.values()].filter((run) => !run.done)
  }

  /**
   * After events were missed, with the run's status as saved now (undefined: the run is gone).
   * An ended or gone run is dropped, so its card shows the saved row. A streaming one is marked
   * incomplete (some of its text may never have arrived here), so the saved text shows until its
   * end; its queue place and any retry countdown are no longer known. A queued one is kept.
   */
  resync(runId: string, saved: SavedRunStatus | undefined): void {
    const run = this.runs.get(runId)
    if (!run || run.done || saved === 'queued') return
    if (saved === 'streaming') {
      this.put({ ...run, complete: false, queuedAhead: null, waiting: null, lostAt: undefined })
      return
    }
    this.runs.delete(runId)
    this.pending.delete(runId)
    this.settle(runId)
    for (const listener of this.listeners.get(runId) ?? []) listener(true)
  }

  /**
   * The connection to the host is gone (`at`): every open run shows the text it has (queued text
   * included) and stops there, its clock too. Its saved row, read again once the host is back (a
   * reconnection reports missed events; a reload reads history), says how it really ended.
   */
  private lost(at: number): void {
    for (const run of this.openRuns()) {
      if (run.lostAt !== undefined) continue
      const queued = this.pending.get(run.runId)
      if (queued) {
        this.pending.delete(run.runId)
        this.apply(run.runId, queued, true)
      }
      const current = this.runs.get(run.runId) ?? run
      this.put({ ...current, queuedAhead: null, waiting: null, lostAt: at })
    }
  }

  /** The run's retry was asked for now (runs.retryNow): its countdown goes away. */
  endWait(runId: string): void {
    const run = this.runs.get(runId)
    if (run?.waiting) this.put({ ...run, waiting: null })
  }

  /**
   * A queued run moved up or was sent. A run this window did not see start (the page was
   * reloaded while it waited) is added, marked incomplete: its saved row says the rest.
   */
  private queued(payload: EventPayload<'run.queued'>): void {
    const run = this.runs.get(payload.runId) ?? this.unseen(payload.runId, payload.conversationId)
    if (run.done) return
    const sent = payload.status === 'streaming'
    this.put({
      ...run,
      queuedAhead: sent ? null : payload.ahead,
      startedAt: sent ? this.now() : run.startedAt,
    })
  }

  /** The entry for a run first heard of mid-way (after its run.started). */
  private unseen(runId: string, conversationId: string): LiveRun {
    return {
      runId,
      conversationId,
      messageId: '',
      answer: '',
      reasoning: '',
      complete: false,
      startedAt: null,
      firstTextAt: null,
      queuedAhead: null,
      waiting: null,
      done: null,
    }
  }

  private waited(payload: RunWaiting): void {
    const run = this.runs.get(payload.runId)
    if (!run || run.done) return
    this.put({ ...run, waiting: payload })
  }

  private delta(payload: EventPayload<'run.delta'>): void {
    if (!this.runs.has(payload.runId)) this.put(this.unseen(payload.runId, payload.conversationId))
    const lost = this.runs.get(payload.runId)
    // Text again: the connection is back after all (a host that was only slow to answer).
    if (lost?.lostAt !== undefined) this.put({ ...lost, lostAt: undefined })
    const queued: QueuedText = this.pending.get(payload.runId) ?? { answer: '', reasoning: '' }
    queued.answer += payload.answer
    queued.reasoning += payload.reasoning
    if (payload.live) queued.live = payload.live
    this.pending.set(payload.runId, queued)
    this.frame ??= this.schedule(() => this.flush())
  }

  private finished(payload: RunDone): void {
    const queued = this.pending.get(payload.runId)
    if (queued) {
      this.pending.delete(payload.runId)
      this.apply(payload.runId, queued, true)
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
      queuedAhead: null,
      waiting: null,
      done: payload,
    })
  }

  /** Shows all queued text, once the last showing is on the screen (or waited too long). */
  flush(): void {
    this.frame = null
    if (this.pending.size === 0) return
    const started = this.clock()
    const sinceLast = started - this.lastFlushAt
    // A little slack: animation frames arrive with jitter, and two frames (33 ms) must pass.
    const tooSoon = sinceLast < MIN_FLUSH_INTERVAL_MS - 4
    if (tooSoon || (this.awaiting.size > 0 && sinceLast < MAX_RENDER_WAIT_MS)) {
      this.frame = this.schedule(() => this.flush())
      return
    }
    this.lastFlushAt = started
    this.awaiting.clear()
    this.endProbe = startFlushProbe()
    for (const [runId, text] of [...this.pending]) {
      this.pending.delete(runId)
      if (this.listeners.get(runId)?.size) this.awaiting.add(runId)
      this.apply(runId, text, false)
    }
    if (this.awaiting.size === 0) this.settle(undefined)
  }

  /** Applies queued text to one run and tells its listeners. */
  private apply(runId: string, text: QueuedText, urgent: boolean): void {
    const run = this.runs.get(runId)
    if (!run) return
    this.put(
      {
        ...run,
        answer: run.answer + text.answer,
        reasoning: run.reasoning + text.reasoning,
        firstTextAt: run.firstTextAt ?? this.now(),
        waiting: null,
        ...(text.live ? { estimate: text.live } : {}),
      },
      urgent,
    )
  }

  /** One run's shown text is on the screen; when all are, the next showing may go. */
  private settle(runId: string | undefined): void {
    if (runId !== undefined && !this.awaiting.delete(runId)) return
    if (this.awaiting.size > 0) return
    this.endProbe?.()
    this.endProbe = null
  }

  private put(run: LiveRun, urgent = true): void {
    this.runs.set(run.runId, run)
    for (const listener of this.listeners.get(run.runId) ?? []) listener(urgent)
  }
}
