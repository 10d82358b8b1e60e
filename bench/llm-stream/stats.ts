import { setTimeout } from 'node:timers/promises'

const SETTLE_MS = 100

/**
 * User + system CPU time (µs) of this process (every thread: GC helpers count) while `run`
 * runs. A full GC first, then a pause so that its concurrent sweeping is not billed to `run`.
 */
export async function cpuMicros(run: () => Promise<unknown>): Promise<number> {
  ;(globalThis as { gc?: () => void }).gc?.()
  await setTimeout(SETTLE_MS)
  const before = process.cpuUsage()
  await run()
  const used = process.cpuUsage(before)
  return used.user + used.system
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  const at = (i: number) => sorted[i] ?? Number.NaN
  return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2
}

/** Half the spread between the 25th and 75th percentile, relative to the median (0.05 = ±5%). */
export function relativeSpread(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.round(q * (sorted.length - 1))] ?? Number.NaN
  return (at(0.75) - at(0.25)) / 2 / median(values)
}
