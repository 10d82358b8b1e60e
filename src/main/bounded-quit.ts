/** How long quitting waits for live runs to be saved and the stores to close. */
export const QUIT_DEADLINE_MS = 5000

export interface BoundedQuitOptions {
  /**
   * Saves what is live (runs end as `interrupted`, never `stopped`, which is a person's Stop;
   * their text and metrics written) and closes the stores.
   */
  close(): Promise<void>
  /** Runs once, after `close` settled or the deadline passed: e.g. release the data lock. */
  release(): void
  /** Ends the process (`app.exit(0)`, which emits no second `before-quit`). */
  exit(): void
  onError?(error: unknown): void
  onTimeout?(ms: number): void
  deadlineMs?: number
  setTimer?: (run: () => void, ms: number) => { unref?(): void } | number
}

/**
 * The `before-quit` listener: the first quit is held back while `close` runs, for at most the
 * deadline (a provider call that ignores abort must not keep the app, and on Windows/Linux its
 * single-instance lock, alive); then it releases and exits whatever `close` did. Quitting again
 * while closing starts nothing new.
 */
export function boundedQuit(
  options: BoundedQuitOptions,
): (event: { preventDefault(): void }) => void {
  const deadline = options.deadlineMs ?? QUIT_DEADLINE_MS
  const setTimer = options.setTimer ?? setTimeout
  let started = false
  let finished = false
  const finish = (): void => {
    if (finished) return
    finished = true
    try {
      options.release()
    } finally {
      options.exit()
    }
  }
  return (event) => {
    event.preventDefault()
    if (started) return
    started = true
    setTimer(() => {
      if (finished) return
      options.onTimeout?.(deadline)
      finish()
    }, deadline)
    let closing: Promise<void>
    try {
      closing = options.close()
    } catch (error) {
      closing = Promise.reject(error)
    }
    closing.catch((error: unknown) => options.onError?.(error)).finally(finish)
  }
}
