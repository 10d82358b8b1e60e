/** A run's place at its connection: admitted (a request slot is its own) or waiting in line. */
export interface GateTicket {
  /** True when the run arrived to a full connection and waits in line. */
  readonly queued: boolean
  /** Runs ahead of this one in line when it arrived; 0 when it was admitted at once. */
  readonly ahead: number
  /** Resolves once the run holds a slot; rejects with the signal's reason if it aborts first. */
  admitted(signal: AbortSignal): Promise<void>
  /** Gives the slot back, or leaves the line without ever holding one. Safe to call twice. */
  leave(): void
}

/** Told when a waiting run moves up: `ahead` runs before it, 0 with `admitted` when it may go. */
export type OnMove = (ahead: number, admitted: boolean) => void

interface Waiter {
  admit: () => void
  onMove: OnMove
}

interface Line {
  inFlight: number
  waiting: Waiter[]
}

/**
 * A limit on requests in flight per connection, with a first-come, first-served line for the
 * rest. The limit is read each time a slot frees, so a changed setting applies to the queue.
 */
export class ConnectionGates {
  private readonly lines = new Map<string, Line>()

  constructor(private readonly limitOf: (connectionId: string) => number) {}

  enter(connectionId: string, onMove: OnMove): GateTicket {
    const line = this.lineOf(connectionId)
    let state: 'waiting' | 'admitted' | 'gone' = 'waiting'
    let resolveAdmitted = (): void => {}
    const admittedPromise = new Promise<void>((resolve) => (resolveAdmitted = resolve))
    const waiter: Waiter = {
      admit: () => {
        state = 'admitted'
        resolveAdmitted()
      },
      onMove,
    }
    let ahead = 0
    if (line.waiting.length === 0 && line.inFlight < this.limit(connectionId)) {
      line.inFlight++
      waiter.admit()
    } else {
      ahead = line.waiting.length
      line.waiting.push(waiter)
    }
    return {
      queued: state === 'waiting',
      ahead,
      admitted: (signal) => untilAborted(admittedPromise, signal),
      leave: () => {
        if (state === 'gone') return
        const held = state === 'admitted'
        state = 'gone'
        if (held) line.inFlight--
        else line.waiting.splice(line.waiting.indexOf(waiter), 1)
        this.pump(connectionId, line)
      },
    }
  }

  /** Runs in flight and waiting on a connection (for tests and diagnostics). */
  load(connectionId: string): { inFlight: number; waiting: number } {
    const line = this.lines.get(connectionId)
    return { inFlight: line?.inFlight ?? 0, waiting: line?.waiting.length ?? 0 }
  }

  private limit(connectionId: string): number {
    const limit = this.limitOf(connectionId)
    return Number.isInteger(limit) && limit >= 1 ? limit : 1
  }

  private lineOf(connectionId: string): Line {
    let line = this.lines.get(connectionId)
    if (!line) this.lines.set(connectionId, (line = { inFlight: 0, waiting: [] }))
    return line
  }

  /** Admits waiting runs while slots are free and tells the rest their new place. */
  private pump(connectionId: string, line: Line): void {
    const before = line.waiting.length
    const admitted: Waiter[] = []
    while (line.waiting.length > 0 && line.inFlight < this.limit(connectionId)) {
      const next = line.waiting.shift() as Waiter
      line.inFlight++
      next.admit()
      admitted.push(next)
    }
    for (const waiter of admitted) notify(waiter, 0, true)
    // Nobody moved unless someone left the line (admitted now, or left it on its own).
    if (before > 0) line.waiting.forEach((waiter, index) => notify(waiter, index, false))
    if (line.inFlight === 0 && line.waiting.length === 0) this.lines.delete(connectionId)
  }
}

function notify(waiter: Waiter, ahead: number, admitted: boolean): void {
  try {
    waiter.onMove(ahead, admitted)
  } catch {
    // A listener's failure must not stall the line.
  }
}

function untilAborted(promise: Promise<void>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    void promise.then(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    })
  })
}
