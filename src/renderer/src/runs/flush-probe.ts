/** Set by `npm run bench:ui` (before the page loads) to collect per-flush renderer times. */
interface BenchProbe {
  flushes: { at: number; ms: number }[]
}

/**
 * Starts timing one flush of streamed text: the store's own work, then React's render and
 * commit (which run in microtasks after it). Returns null outside the benchmark, so the app pays
 * nothing for it.
 */
export function startFlushProbe(): (() => void) | null {
  const probe = (globalThis as { __parallaxBench?: BenchProbe }).__parallaxBench
  if (!probe) return null
  const start = performance.now()
  return () => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      probe.flushes.push({ at: start, ms: performance.now() - start })
      channel.port1.close()
    }
    channel.port2.postMessage(null)
  }
}
