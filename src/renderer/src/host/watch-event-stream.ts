import type { Notice } from '../../../shared/contract'
import { HEARTBEAT_EVENT, HEARTBEAT_INTERVAL_MS } from '../../../shared/event-stream-heartbeat'

/** How long a dropped event stream may take to reconnect (the host asks for 2 s) before it counts. */
export const RECONNECT_GRACE_MS = 5_000
/** How long an open stream may go without a heartbeat before the host is asked if it is there. */
export const HEARTBEAT_SILENCE_MS = HEARTBEAT_INTERVAL_MS * 2.5

/** Answers true when the host still answers HTTP at all (any status), false when it does not. */
export type HostProbe = () => Promise<boolean>

export interface WatchOptions {
  graceMs?: number
  silenceMs?: number
  /** Asked when the stream drops or falls silent; without one, only the grace time decides. */
  probe?: HostProbe
  now?: () => number
}

/**
 * A server that stops normally pushes `host.stopping` before it closes the stream. One that is
 * killed, or crashes, just goes away. This dispatches a local `host.unreachable` notice on the
 * same EventSource, once, so the screen says why nothing works any more (and live cards stop)
 * instead of failing silently:
 * - the stream breaks (or never connects) and the host no longer answers `probe` (a killed
 *   process: its port refuses at once, so this takes well under a second);
 * - the stream breaks and does not come back within the grace time, whatever `probe` said;
 * - the stream stays open but no heartbeat came for `silenceMs` (a host frozen, or gone without
 *   its socket closing), and the host does not answer `probe` either.
 * A short drop with the host still there is harmless: it replays what the page missed.
 */
export function watchEventStream(source: EventSource, options: WatchOptions = {}): void {
  const graceMs = options.graceMs ?? RECONNECT_GRACE_MS
  const silenceMs = options.silenceMs ?? HEARTBEAT_SILENCE_MS
  const now = options.now ?? Date.now
  let opened = false
  let told = false
  let probing = false
  let lastSign = now()
  let timer: ReturnType<typeof setTimeout> | undefined
  let watchdog: ReturnType<typeof setInterval> | undefined
  const tell = (): void => {
    timer = undefined
    if (told) return
    told = true
    clearInterval(watchdog)
    const notice: Notice = { level: 'warning', code: 'host.unreachable', at: now() }
    source.dispatchEvent(new MessageEvent('app.notice', { data: JSON.stringify(notice) }))
  }
  /** Tells at once when the host does not answer; `stillThere` runs when it does. */
  const ask = (stillThere: () => void): void => {
    if (!options.probe || probing) return
    probing = true
    void options.probe().then(
      (answered) => {
        probing = false
        if (told) return
        if (answered) stillThere()
        else tell()
      },
      () => {
        probing = false
        tell()
      },
    )
  }
  source.addEventListener('open', () => {
    opened = true
    lastSign = now()
    clearTimeout(timer)
    timer = undefined
    watchdog ??= setInterval(() => {
      if (told || source.readyState !== source.OPEN) return
      if (now() - lastSign <= silenceMs) return
      ask(() => (lastSign = now()))
    }, HEARTBEAT_INTERVAL_MS / 2)
  })
  source.addEventListener(HEARTBEAT_EVENT, () => (lastSign = now()))
  source.addEventListener('app.notice', (message: MessageEvent<string>) => {
    lastSign = now()
    if (noticeCode(message.data) === 'host.stopping') {
      told = true
      clearInterval(watchdog)
    }
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
    ask(() => {})
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
