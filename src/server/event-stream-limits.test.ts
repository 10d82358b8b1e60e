import { mkdtempSync, rmSync } from 'node:fs'
import { request, type ClientRequest, type IncomingMessage } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rpcOk } from '../shared/rpc-result'
import { createEventHub, type EventHub } from './event-hub'
import { EVENT_STREAM_LIMITS } from './event-stream-route'
import { startWebHost, type WebHost, type WebHostOptions } from './web-host'

const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuv'
const MB = 1024 * 1024

interface Reader {
  req: ClientRequest
  res: IncomingMessage
  /** Bytes received so far (only counted while reading). */
  received(): number
  text(): string
  closed: Promise<void>
}

/** A real HTTP client on /api/events; a stalled one never reads past the first bytes. */
function openReader(host: WebHost, stall: boolean, lastEventId?: string): Promise<Reader> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${TOKEN}`,
      Host: `127.0.0.1:${host.port}`,
    }
    if (lastEventId !== undefined) headers['Last-Event-ID'] = lastEventId
    const req = request({ host: '127.0.0.1', port: host.port, path: '/api/events', headers })
    req.on('error', () => {})
    req.on('response', (res) => {
      let bytes = 0
      let text = ''
      const closed = new Promise<void>((done) => res.socket.once('close', () => done()))
      res.on('error', () => {})
      res.once('data', (chunk: Buffer) => {
        bytes += chunk.length
        text += chunk.toString()
        if (stall) {
          // Stop reading: the socket is no longer drained, so TCP pushes back on the server.
          res.pause()
          res.socket.pause()
        } else {
          res.on('data', (more: Buffer) => {
            bytes += more.length
            if (more.length < 64 * 1024) text += more.toString()
          })
        }
        resolve({ req, res, received: () => bytes, text: () => text, closed })
      })
    })
    req.end()
  })
}

const until = async (check: () => boolean, ms = 10_000): Promise<void> => {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

let dir: string

async function start(hub: EventHub, extra: Partial<WebHostOptions> = {}): Promise<WebHost> {
  return startWebHost({
    dispatch: async () => rpcOk({}),
    hub,
    rendererDir: dir,
    token: TOKEN,
    ...extra,
  })
}

const bigNotice = (hub: EventHub, size: number, tag: string) =>
  hub.emit('app.notice', {
    level: 'info',
    code: 'data.copied',
    at: 1,
    detail: tag.padEnd(size, 'x'),
  })

describe('event stream byte limits', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-sse-limits-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('drops a client that stops reading while 10 MB events go out; a reading client gets them all', async () => {
    const hub = createEventHub()
    const host = await start(hub)
    try {
      const stalled = await openReader(host, true)
      const reading = await openReader(host, false)
      expect(host.eventStreamStats().clients).toBe(2)
      let expected = reading.received()
      for (let i = 0; i < 5; i++) {
        bigNotice(hub, 10 * MB, `big-${i}`)
        expected += 10 * MB
        // A reading page keeps up, so its queue is empty again before the next event.
        await until(() => reading.received() >= expected)
      }
      const stats = host.eventStreamStats()
      expect(stats.dropped).toBe(1)
      expect(stats.clients).toBe(1)
      // Bounded in bytes: 16 MiB, or the single newest frame when that alone is larger.
      expect(stats.replayBytes).toBeLessThanOrEqual(EVENT_STREAM_LIMITS.replayBytes + 10 * MB + 200)
      expect(stats.replayEvents).toBe(1)
      expect(reading.res.socket.destroyed).toBe(false)
      // The stalled client, reading again, finds its connection closed by the server.
      stalled.res.socket.resume()
      stalled.res.resume()
      await stalled.closed
      reading.req.destroy()
    } finally {
      await host.close()
    }
  }, 60_000)

  it('keeps the replay buffer within its bytes and tells a page that asks for dropped frames', async () => {
    const hub = createEventHub()
    const host = await start(hub, {
      eventStreamLimits: { clientQueueBytes: 8 * MB, replayEvents: 1000, replayBytes: 4096 },
    })
    try {
      const reading = await openReader(host, false)
      for (let i = 1; i <= 10; i++) bigNotice(hub, 1000, `n${i}-`)
      await until(() => reading.text().includes('n10-'))
      const firstId = /id: (\d+)\nevent: app\.notice\ndata: [^\n]*n1-/.exec(reading.text())?.[1]
      expect(firstId).toBeDefined()
      reading.req.destroy()
      const stats = host.eventStreamStats()
      expect(stats.replayBytes).toBeLessThanOrEqual(4096)
      expect(stats.replayEvents).toBeLessThan(10)

      // A page that last saw the first frame: frames after it were dropped, so it hears of the gap.
      const back = await openReader(host, false, firstId)
      await until(() => back.text().includes('n10-'))
      const text = back.text()
      const gap = /event: replay_gap\ndata: (.+)\n\n/.exec(text)
      expect(gap).not.toBeNull()
      const first = Number(firstId)
      const { from, to } = JSON.parse(gap?.[1] ?? '{}') as { from: number; to: number }
      expect(from).toBe(first + 1)
      expect(to).toBeGreaterThanOrEqual(from)
      expect(text.indexOf('replay_gap')).toBeLessThan(text.indexOf('n10-'))
      expect(text).not.toContain(`n${to - first + 1}-`)
      expect(text).toContain(`n${to - first + 2}-`)
      back.req.destroy()

      // One that is still within the buffer gets no gap notice.
      const recent = await openReader(host, false, String(first + 8))
      await until(() => recent.text().includes('n10-'))
      expect(recent.text()).not.toContain('replay_gap')
      expect(recent.text()).toContain('n10-')
      expect(recent.text()).not.toContain('n9-')
      recent.req.destroy()
    } finally {
      await host.close()
    }
  })

  it('tells a page that reconnects to a restarted host that it missed events', async () => {
    const before = createEventHub()
    const first = await start(before)
    let oldId: string | undefined
    try {
      const reading = await openReader(first, false)
      bigNotice(before, 100, 'old-')
      await until(() => reading.text().includes('old-'))
      oldId = /id: (\d+)\nevent: app\.notice/.exec(reading.text())?.[1]
      reading.req.destroy()
    } finally {
      await first.close()
    }
    expect(oldId).toBeDefined()
    await new Promise((done) => setTimeout(done, 5))

    const after = createEventHub()
    const second = await start(after)
    try {
      const back = await openReader(second, false, oldId)
      await until(() => back.text().includes(': connected'))
      bigNotice(after, 100, 'new-')
      await until(() => back.text().includes('new-'))
      expect(back.text()).toMatch(/event: replay_gap\ndata: \{"from":\d+,"to":\d+\}\n\n/)
      back.req.destroy()
      // An id from the future (another host, a clock set back) is a gap as well.
      const ahead = await openReader(second, false, String(Number(oldId) * 2))
      await until(() => ahead.text().includes('replay_gap'))
      ahead.req.destroy()
    } finally {
      await second.close()
    }
  })
})
