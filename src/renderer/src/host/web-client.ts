import type { ParallaxClient } from '../../../shared/client'
import type { EventName, EventPayload, MethodOutput } from '../../../shared/contract'
import type { RpcResult } from '../../../shared/rpc-result'
import { reportEventsMissed } from './events-missed'
import { watchEventStream, watchReplayGaps } from './watch-event-stream'

/**
 * The browser-mode client: RPC over POST /api/rpc/:method and events over one shared
 * EventSource at /api/events. The access token travels in an HttpOnly cookie. When the host
 * could not replay every event missed during a drop, onEventsMissed listeners re-read.
 */
export function createWebClient(base = ''): ParallaxClient {
  let source: EventSource | undefined
  const eventSource = (): EventSource => {
    if (source) return source
    source = new EventSource(`${base}/api/events`)
    watchEventStream(source)
    watchReplayGaps(source, () => reportEventsMissed(client))
    return source
  }

  const client: ParallaxClient = {
    host: 'web',
    async invoke(method, input) {
      type Result = RpcResult<MethodOutput<typeof method>>
      try {
        const response = await fetch(`${base}/api/rpc/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(input),
        })
        const body = (await response.json().catch(() => undefined)) as Result | undefined
        if (body && typeof body === 'object' && 'ok' in body) return body
        return { ok: false, error: { kind: 'internal', message: `HTTP ${response.status}` } }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        return { ok: false, error: { kind: 'internal', message } }
      }
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      const handler = (message: MessageEvent<string>): void => {
        listener(JSON.parse(message.data) as EventPayload<E>)
      }
      const target = eventSource()
      target.addEventListener(event, handler)
      return () => target.removeEventListener(event, handler)
    },
  }
  return client
}
