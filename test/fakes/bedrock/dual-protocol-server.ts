import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http'
import {
  constants as h2,
  createServer as createH2cServer,
  type Http2ServerRequest,
  type Http2ServerResponse,
} from 'node:http2'
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net'

export type AnyRequest = IncomingMessage | Http2ServerRequest
export type AnyResponse = ServerResponse | Http2ServerResponse

/**
 * One TCP port that answers HTTP/1.1 and cleartext HTTP/2 with prior knowledge (h2c), telling
 * them apart by the connection's first bytes: an HTTP/2 client opens with the preface
 * `PRI * HTTP/2.0`. AWS's Bedrock runtime client speaks h2c to an http:// endpoint; the
 * control-plane client (ListFoundationModels) speaks HTTP/1.1.
 */
export async function listenHttp1AndH2c(
  handler: (req: AnyRequest, res: AnyResponse) => void,
  port = 0,
): Promise<{ url: string; close(): Promise<void> }> {
  const http1 = createHttpServer((req, res) => handler(req, res))
  const http2 = createH2cServer((req, res) => handler(req, res))
  const sockets = new Set<Socket>()

  const tcp = createNetServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.once('readable', () => {
      const first = socket.read(3) as Buffer | null
      if (first === null) {
        // Fewer than 3 bytes so far (or closed): take what there is.
        const rest = socket.read() as Buffer | null
        if (rest) socket.unshift(rest)
        http1.emit('connection', socket)
        return
      }
      socket.unshift(first)
      if (first.toString('latin1') === 'PRI') http2.emit('connection', socket)
      else http1.emit('connection', socket)
    })
  })
  await new Promise<void>((resolve) => tcp.listen(port, '127.0.0.1', resolve))
  const { port: bound } = tcp.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        http1.close()
        http2.close()
        tcp.close(() => resolve())
      }),
  }
}

export function isHttp2(res: AnyResponse): res is Http2ServerResponse {
  return 'stream' in res && res.stream !== undefined
}

/** Drops the response without an end marker: RST_STREAM on HTTP/2, a closed socket on HTTP/1.1. */
export function cutResponse(res: AnyResponse): void {
  if (isHttp2(res)) res.stream.close(h2.NGHTTP2_INTERNAL_ERROR)
  else res.socket?.destroy()
}

/** Headers HTTP/2 forbids (connection-specific ones) are dropped there. */
export function writeHead(res: AnyResponse, status: number, headers: Record<string, string>): void {
  const forbidden = new Set(['connection', 'transfer-encoding', 'keep-alive'])
  const out = isHttp2(res)
    ? Object.fromEntries(Object.entries(headers).filter(([name]) => !forbidden.has(name)))
    : headers
  ;(res as ServerResponse).writeHead(status, out)
}
