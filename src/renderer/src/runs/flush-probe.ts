/** Set by `npm run bench:ui` (before the page loads) to collect per-flush renderer times. */
interface BenchProbe {
  flushes: { at: number; ms: number }[]
}

/**
 * Starts timing one showing of streamed text, from the store's flush until React has committed
 * it to the page (its render runs in slices between frames). Returns null outside the
 * benchmark, so the app pays nothing for it.
 */
export function startFlushProbe(): (() => void) | null {
  const probe = (globalThis as { __parallaxBench?: BenchProbe }).__parallaxBench
  if (!probe) return null
  const start = performance.now()
  return () => probe.flushes.push({ at: start, ms: performance.now() - start })
}
