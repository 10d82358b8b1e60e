import type { Notice } from '../../../shared/contract'

/** How long a dropped event stream may take to reconnect (the host asks for 2 s) before it counts. */
export const RECONNECT_GRACE_MS = 5_000

/**
 * A server that stops normally pushes `host.stopping` before it closes the stream. One that is
 * killed, or crashes, just goes away. When an event stream breaks (or never connects) without that
 * notice and does not come back within RECONNECT_GRACE_MS, this dispatches a local
 * `host.unreachable` notice on the same EventSource, once, so the screen says why nothing works
 * any more instead of failing silently. (A short drop is harmless: the host replays what the
 * page missed when it reconnects.)
 */
export function watchEventStream(source: EventSource, graceMs = RECONNECT_GRACE_MS): void {
  let opened = false
  let told = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const tell = (): void => {
    timer = undefined
    if (told || source.readyState === source.OPEN) return
    told = true
    const notice: Notice = { level: 'warning', code: 'host.unreachable', at: Date.now() }
    source.dispatchEvent(new MessageEvent('app.notice', { data: JSON.stringify(notice) }))
  }
  source.addEventListener('open', () => {
    opened = true
    clearTimeout(timer)
    timer = undefined
  })
  source.addEventListener('app.notice', (message: MessageEvent<string>) => {
    if (noticeCode(message.data) === 'host.stopping') told = true
  })
  source.addEventListener('error', () => {
    if (told || source.readyState === source.OPEN) return
    if (source.readyState === source.CLOSED) {
      // Closed for good: the host refused the reconnection (no point in waiting), or it refused
      // the first connection (no token), which the page explains on its own.
      if (opened) tell()
      return
    }
    // Still retrying. Also when the first connection never opened: a host killed while the page
    // was connecting is just as gone.
    timer ??= setTimeout(tell, graceMs)
  })
}

/** The event the web host sends first on a reconnect when it no longer has every missed event. */
export const REPLAY_GAP_EVENT = 'replay_gap'

/**
 * Calls `onGap` each time the host says, on a reconnect, that some events the page missed are
 * gone (`replay_gap`, `{ from, to }`: the first and last event id lost). The events it still had
 * follow; whatever the lost ones changed must be read again.
 */
export function watchReplayGaps(source: EventSource, onGap: () => void): void {
  source.addEventListener(REPLAY_GAP_EVENT, () => onGap())
}

function noticeCode(data: string): unknown {
  try {
    return (JSON.parse(data) as Partial<Notice>).code
  } catch {
    return undefined
  }
}
