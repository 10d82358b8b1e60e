import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { FakeServer, RecordedRequest } from './fake-script'
import { ScriptQueue } from './script-queue'

export interface FakeRequest {
  method: string
  url: URL
  headers: IncomingHttpHeaders
  body: string
  json: unknown
}

/** What a provider fake implements on top of this scaffolding. */
export interface FakeHandler {
  /** Checks the credentials; false answers with the provider's own auth error (see `unauthorized`). */
  authorize(req: FakeRequest): boolean
  /** Sends the provider's real "bad credentials" answer. */
  unauthorized(req: FakeRequest, res: ServerResponse): void
  /** Answers an authorized request using the next script. */
  handle(req: FakeRequest, res: ServerResponse, queue: ScriptQueue): Promise<void> | void
}

/**
 * An HTTP/1.1 fake on 127.0.0.1 that records every request. Provider fakes supply the wire
 * format; `server` is exposed so a fake can also accept HTTP/2 on the same port.
 */
export async function startHttpFake(
  handler: FakeHandler,
  port = 0,
): Promise<FakeServer & { server: Server }> {
  const queue = new ScriptQueue()
  const requests: RecordedRequest[] = []
  const sockets = new Set<Socket>()

  const server = createServer((req, res) => {
    void receive(req).then(async (fake) => {
      const authorized = handler.authorize(fake)
      requests.push({
        method: fake.method,
        url: req.url ?? '/',
        headers: { ...req.headers },
        body: fake.body,
        json: fake.json,
        authorized,
        at: Date.now(),
      })
      if (!authorized) return handler.unauthorized(fake, res)
      try {
        await handler.handle(fake, res, queue)
      } catch (error) {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'text/plain' })
          res.end(`fake server failed: ${String(error)}`)
        } else res.destroy()
      }
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const { port: bound } = server.address() as AddressInfo

  return {
    server,
    url: `http://127.0.0.1:${bound}`,
    requests,
    enqueue: (...scripts) => queue.enqueue(...scripts),
    reset() {
      queue.clear()
      requests.length = 0
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

export async function receive(req: IncomingMessage): Promise<FakeRequest> {
  const chunks: Buffer[] = []
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk)
  const body = Buffer.concat(chunks).toString('utf8')
  let json: unknown
  try {
    json = body ? JSON.parse(body) : undefined
  } catch {
    json = undefined
  }
  return {
    method: req.method ?? 'GET',
    url: new URL(req.url ?? '/', 'http://127.0.0.1'),
    headers: req.headers,
    body,
    json,
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  })
  res.end(text)
}
