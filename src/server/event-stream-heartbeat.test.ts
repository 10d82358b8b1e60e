import { createServer, get, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, expect, it } from 'vitest'
import { HEARTBEAT_EVENT, HEARTBEAT_INTERVAL_MS } from '../shared/event-stream-heartbeat'
import { createEventHub } from './event-hub'
import { createEventStreams } from './event-stream-route'

let server: Server | undefined
afterEach(async () => {
  server?.closeAllConnections()
  await new Promise((done) => server?.close(done))
})

it('sends a heartbeat event the page can see every second, without an id', async () => {
  const hub = createEventHub()
  const streams = createEventStreams(hub)
  server = createServer((req, res) => streams.open(req, res))
  await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  const started = Date.now()
  const frames = await new Promise<{ text: string; at: number[] }>((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: '/' }, (res) => {
      let text = ''
      const at: number[] = []
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString()
        if (chunk.toString().includes(`event: ${HEARTBEAT_EVENT}`)) at.push(Date.now() - started)
        if (at.length === 2) {
          res.destroy()
          resolve({ text, at })
        }
      })
    }).on('error', reject)
  })
  expect(HEARTBEAT_INTERVAL_MS).toBeLessThanOrEqual(1_000)
  // A named event with data (an SSE comment or an empty data line never reaches the page).
  expect(frames.text).toContain(`event: ${HEARTBEAT_EVENT}\ndata: {}\n\n`)
  expect(frames.text).not.toMatch(/id: \d+\nevent: heartbeat/)
  expect(frames.at[1]).toBeLessThan(HEARTBEAT_INTERVAL_MS * 2 + 500)
})
