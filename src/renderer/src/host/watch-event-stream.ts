import type { Notice } from '../../../shared/contract'

/**
 * A server that stops normally pushes `host.stopping` before it closes the stream. One that is
 * killed, or crashes, just goes away: when an event stream that was open breaks without that
 * notice, this dispatches a local `host.unreachable` notice on the same EventSource, once, so the
 * screen says why nothing works any more instead of failing silently.
 */
export function watchEventStream(source: EventSource): void {
  let opened = false
  let told = false
  source.addEventListener('open', () => {
    opened = true
  })
  source.addEventListener('app.notice', (message: MessageEvent<string>) => {
    if (noticeCode(message.data) === 'host.stopping') told = true
  })
  source.addEventListener('error', () => {
    if (!opened || told || source.readyState === source.OPEN) return
    told = true
    const notice: Notice = { level: 'warning', code: 'host.unreachable', at: Date.now() }
    source.dispatchEvent(new MessageEvent('app.notice', { data: JSON.stringify(notice) }))
  })
}

function noticeCode(data: string): unknown {
  try {
    return (JSON.parse(data) as Partial<Notice>).code
  } catch {
    return undefined
  }
}
