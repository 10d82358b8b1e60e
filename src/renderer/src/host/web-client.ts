import type { ParallaxClient } from '../../../shared/client'
import type { EventName, EventPayload, MethodOutput } from '../../../shared/contract'
import type { RpcResult } from '../../../shared/rpc-result'
import { reportEventsMissed } from './events-missed'
import { transportFailure } from './transport-failure'
import { hostAnswers } from './host-answers'
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
    watchEventStream(source, { probe: () => hostAnswers(base) })
    watchReplayGaps(source, () => reportEventsMissed(client))
    return source
  }

  const client: ParallaxClient = {
    host: 'web',
    async invoke(method, input) {
      type Result = RpcResult<MethodOutput<typeof method>>
      let response: Response
      try {
        response = await fetch(`${base}/api/rpc/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(input),
        })
      } catch {
        // The browser's own words ("Failed to fetch", "NetworkError when …") say nothing to do.
        return transportFailure('host_unreachable')
      }
      const body = (await response.json().catch(() => undefined)) as Result | undefined
      if (body && typeof body === 'object' && 'ok' in body) {
        if (body.ok || response.status !== 401 || body.error.code !== undefined) return body
        return { ok: false, error: { ...body.error, code: 'host_not_signed_in' } }
      }
      return answerFailure(response.status)
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

/** An answer that is not one of the host's: a proxy's or a dying server's page. */
function answerFailure(status: number): RpcResult<never> {
  if (status === 401) return transportFailure('host_not_signed_in')
  // A proxy in front of a stopped host answers 502–504.
  if (status === 502 || status === 503 || status === 504)
    return transportFailure('host_unreachable')
  return transportFailure('host_bad_answer', { status: String(status) })
}
