/**
 * Makes requests to `origins` ignore their AbortSignal, as a provider SDK that does not pass the
 * signal on would: the run cannot be stopped, which is what a bounded quit must survive.
 */
export function ignoreAbortFor(origins: readonly string[]): void {
  if (origins.length === 0) return
  const real = globalThis.fetch
  globalThis.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input)
    if (!origins.includes(new URL(url).origin)) return real(input, init)
    const { signal: _ignored, ...rest } = init ?? {}
    return real(input instanceof Request ? new Request(input, { signal: null }) : input, rest)
  }
}
