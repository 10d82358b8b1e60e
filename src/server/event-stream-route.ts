import type { ServerResponse } from 'node:http'
import type { EventHub } from './event-hub'

const HEARTBEAT_MS = 15_000

export interface EventStreams {
  open(res: ServerResponse): void
  closeAll(): void
}

/** Server-Sent Events at GET /api/events: one `event:` frame per contract event. */
export function createEventStreams(hub: EventHub): EventStreams {
  const open = new Set<ServerResponse>()
  return {
    open(res) {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      })
      res.write('retry: 2000\n: connected\n\n')
      const unsubscribe = hub.subscribe((event, payload) => {
        res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)
      })
      const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS)
      heartbeat.unref()
      open.add(res)
      res.on('close', () => {
        clearInterval(heartbeat)
        unsubscribe()
        open.delete(res)
      })
    },
    closeAll() {
      for (const res of open) res.end()
    },
  }
}
