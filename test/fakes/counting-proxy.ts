import { createServer, request, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A pass-through HTTP proxy on 127.0.0.1 that counts the requests in flight at the upstream. */
export interface CountingProxy {
  /** The base URL to point a connection at, in place of the upstream's (no trailing slash). */
  url: string
  /** Requests whose answer has not ended yet. */
  readonly inFlight: number
  /** The most requests that were in flight at once. */
  readonly maxInFlight: number
  /** How many requests came through. */
  readonly total: number
  close(): Promise<void>
}

/** Forwards every request to `upstream` (a fake provider's URL) and counts them. */
export async function startCountingProxy(upstream: string): Promise<CountingProxy> {
  const target = new URL(upstream)
  let inFlight = 0
  let maxInFlight = 0
  let total = 0
  const server = createServer((req, res) => {
    inFlight++
    total++
    maxInFlight = Math.max(maxInFlight, inFlight)
    let ended = false
    const end = (): void => {
      if (ended) return
      ended = true
      inFlight--
    }
    res.on('close', end)
    const headers: IncomingHttpHeaders = { ...req.headers, host: target.host }
    const forward = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    forward.on('error', () => res.destroy())
    req.pipe(forward)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    get inFlight() {
      return inFlight
    },
    get maxInFlight() {
      return maxInFlight
    },
    get total() {
      return total
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
