import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EventHub } from './event-hub'

const HEARTBEAT_MS = 15_000
/** Events kept for a page that reconnects (after a dropped connection) to catch up on. */
export const REPLAY_EVENTS = 5_000

export interface EventStreams {
  open(req: IncomingMessage, res: ServerResponse): void
  closeAll(): void
}

interface Frame {
  id: number
  text: string
}

/**
 * Server-Sent Events at GET /api/events: one `event:` frame per contract event, each with an
 * `id:`. A browser that lost the connection reconnects by itself and sends the last id it saw
 * (`Last-Event-ID`); the frames it missed since are sent first, so a run's end is never lost to
 * a dropped connection. At least the last REPLAY_EVENTS are kept.
 */
export function createEventStreams(hub: EventHub): EventStreams {
  const open = new Set<ServerResponse>()
  const recent: Frame[] = []
  let lastId = 0
  hub.subscribe((event, payload) => {
    const frame = {
      id: ++lastId,
      text: `id: ${lastId}\nevent: ${event}\ndata: ${JSON.stringify(payload)}\n\n`,
    }
    recent.push(frame)
    // Trimmed in one go now and then, not by one on every event of a stream.
    if (recent.length >= 2 * REPLAY_EVENTS) recent.splice(0, recent.length - REPLAY_EVENTS)
    for (const res of open) res.write(frame.text)
  })

  return {
    open(req, res) {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      })
      res.write('retry: 2000\n: connected\n\n')
      const seen = Number(req.headers['last-event-id'])
      if (Number.isInteger(seen) && seen >= 0 && seen < lastId) {
        for (const frame of recent) if (frame.id > seen) res.write(frame.text)
      }
      const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS)
      heartbeat.unref()
      open.add(res)
      res.on('close', () => {
        clearInterval(heartbeat)
        open.delete(res)
      })
    },
    closeAll() {
      for (const res of open) res.end()
    },
  }
}
