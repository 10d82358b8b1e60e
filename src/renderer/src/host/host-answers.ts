/** How long the web host may take to answer a probe before it counts as gone (a frozen host). */
export const PROBE_TIMEOUT_MS = 2_000

/**
 * Whether the web host at `base` still answers HTTP: any response (even a refusal) says it is
 * there; a refused connection (the process is gone) or no answer within the timeout says it is
 * not. A HEAD request on /api, which answers without touching the core.
 */
export async function hostAnswers(base = '', timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  try {
    await fetch(`${base}/api`, {
      method: 'HEAD',
      cache: 'no-store',
      credentials: 'same-origin',
      signal: AbortSignal.timeout(timeoutMs),
    })
    return true
  } catch {
    return false
  }
}
