export interface TextBatch {
  answer: string
  reasoning: string
}

/**
 * Collects streamed text and hands it on in batches at most once per `intervalMs`: the first
 * text after a quiet interval goes at once, later text waits for the interval to pass. Used twice
 * per run — for database flushes (500 ms) and for run.delta events (~16 ms).
 */
export class TextBatcher {
  private answer = ''
  private reasoning = ''
  private lastDeliveredAt = Number.NEGATIVE_INFINITY
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly intervalMs: number,
    private readonly deliver: (batch: TextBatch) => void,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  add(answer: string, reasoning: string): void {
    this.answer += answer
    this.reasoning += reasoning
    if (this.timer || (!this.answer && !this.reasoning)) return
    this.schedule()
  }

  private schedule(): void {
    const wait = this.lastDeliveredAt + this.intervalMs - this.clock()
    if (wait <= 0) this.flush()
    // Node's timers may fire a fraction of a millisecond early by the monotonic clock: re-check.
    else this.timer = setTimeout(() => ((this.timer = undefined), this.schedule()), Math.ceil(wait))
  }

  /** Delivers whatever is pending now (at the end of a run). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    if (!this.answer && !this.reasoning) return
    const batch = { answer: this.answer, reasoning: this.reasoning }
    this.answer = ''
    this.reasoning = ''
    this.lastDeliveredAt = this.clock()
    this.deliver(batch)
  }

  /** Drops pending text and the timer. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    this.answer = ''
    this.reasoning = ''
  }
}
