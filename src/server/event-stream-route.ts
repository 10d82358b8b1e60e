import type { IncomingMessage, ServerResponse } from 'node:http'
import { HEARTBEAT_EVENT, HEARTBEAT_INTERVAL_MS } from '../shared/event-stream-heartbeat'
import type { EventHub } from './event-hub'
import { ReplayBuffer, type Frame } from './replay-buffer'

// A named event, not an SSE comment: the page must see it to tell a silent host from a quiet one.
// It has no `id:`, so it changes nothing about what a reconnecting page is replayed.
const HEARTBEAT = Buffer.from(`event: ${HEARTBEAT_EVENT}\ndata: {}\n\n`)

/**
 * The memory the event stream may hold, whatever the clients do. A page that stops reading (a
 * frozen tab, a suspended laptop, a script that never reads) is dropped once more than
 * `clientQueueBytes` wait unsent for it; it reconnects by itself and catches up from the replay
 * buffer. Frames are encoded once and the same bytes are shared by every client's queue, so 20
 * stalled clients do not hold 20 copies. Real frames are a few KB; 8 MiB is a couple of thousand
 * of them — far more than a reading page ever lags behind.
 */
export interface EventStreamLimits {
  /** Unsent bytes a client may have queued when the next frame comes; past it, it is dropped. */
  clientQueueBytes: number
  /** Frames kept for a page that reconnects (after a dropped connection) to catch up on. */
  replayEvents: number
  /** The replay buffer's total size; the oldest frames go first (the newest is always kept). */
  replayBytes: number
}

export const EVENT_STREAM_LIMITS: EventStreamLimits = {
  clientQueueBytes: 8 * 1024 * 1024,
  replayEvents: 5_000,
  replayBytes: 16 * 1024 * 1024,
}

export interface EventStreamStats {
  clients: number
  /** Clients dropped so far for not reading. */
  dropped: number
  replayEvents: number
  replayBytes: number
}

export interface EventStreams {
  open(req: IncomingMessage, res: ServerResponse): void
  closeAll(): void
  stats(): EventStreamStats
}

/**
 * Server-Sent Events at GET /api/events: one `event:` frame per contract event, each with an
 * `id:`. A browser that lost the connection reconnects by itself and sends the last id it saw
 * (`Last-Event-ID`); the frames it missed since are sent first, so a run's end is never lost to
 * a dropped connection. When some of those frames are no longer kept, a `replay_gap` event
 * (`{ from, to }`: the first and last id missed) comes first: the page must re-read its state.
 */
export function createEventStreams(
  hub: EventHub,
  limits: EventStreamLimits = EVENT_STREAM_LIMITS,
  options: { firstId?: number } = {},
): EventStreams {
  const open = new Set<ServerResponse>()
  const recent = new ReplayBuffer(limits.replayEvents, limits.replayBytes)
  // Ids start from the clock (in µs), so a page that reconnects to a restarted host sends an id
  // from before this host's first one and hears of the gap, instead of one this host never had.
  let lastId = options.firstId ?? Date.now() * 1000
  let dropped = 0

  const send = (res: ServerResponse, bytes: Buffer): void => {
    if (res.writableLength > limits.clientQueueBytes) {
      dropped++
      open.delete(res)
      res.destroy()
      return
    }
    res.write(bytes)
  }

  hub.subscribe((event, payload) => {
    const id = ++lastId
    const frame: Frame = {
      id,
      bytes: Buffer.from(`id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(payload)}\n\n`),
    }
    recent.push(frame)
    for (const res of open) send(res, frame.bytes)
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
      const header = req.headers['last-event-id']
      const seen = typeof header === 'string' && /^\d{1,16}$/.test(header) ? Number(header) : NaN
      if (seen > lastId) {
        // An id this host never sent: the page saw another run of the host (or a clock that
        // went back). What it missed cannot be told, so it must re-read everything.
        res.write(`event: replay_gap\ndata: ${JSON.stringify({ from: 0, to: lastId })}\n\n`)
      } else if (seen < lastId) {
        const oldest = recent.oldestId ?? lastId + 1
        if (seen + 1 < oldest) {
          res.write(
            `event: replay_gap\ndata: ${JSON.stringify({ from: seen + 1, to: oldest - 1 })}\n\n`,
          )
        }
        for (const frame of recent.after(seen)) res.write(frame.bytes)
      }
      // A heartbeat only goes out on an idle connection: bytes still queued already tell the page
      // the host is there, and judging a client by a heartbeat would drop one that is reading a
      // large frame; only a real frame arriving over a full queue drops it.
      const heartbeat = setInterval(() => {
        if (res.writableLength === 0) res.write(HEARTBEAT)
      }, HEARTBEAT_INTERVAL_MS)
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
    stats: () => ({
      clients: open.size,
      dropped,
      replayEvents: recent.size,
      replayBytes: recent.totalBytes,
    }),
  }
}
