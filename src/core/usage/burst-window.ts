/**
 * The times requests started on each connection within the last `windowMs`, kept in memory: a
 * burst must be caught as it happens, before its runs end and reach the usage ledger.
 */
export class BurstWindow {
  private readonly starts = new Map<string, number[]>()

  constructor(private readonly windowMs: number) {}

  /** Notes a request started at `at`; returns how many started in the window ending at `at`. */
  add(connectionId: string, at: number): number {
    const starts = this.starts.get(connectionId) ?? []
    starts.push(at)
    this.starts.set(connectionId, starts)
    return this.count(connectionId, at)
  }

  /** Requests started on the connection in (at − windowMs, at] (times are noted in order). */
  count(connectionId: string, at: number): number {
    const starts = this.starts.get(connectionId)
    if (!starts) return 0
    const from = at - this.windowMs
    let old = 0
    while (old < starts.length && (starts[old] as number) <= from) old++
    if (old > 0) starts.splice(0, old)
    if (starts.length === 0) this.starts.delete(connectionId)
    return starts.length
  }
}
