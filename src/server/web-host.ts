import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Dispatch } from '../shared/dispatch'
import { rpcFail } from '../shared/rpc-result'
import { createAccessToken, tokensMatch } from './access-token'
import type { EventHub } from './event-hub'
import {
  createEventStreams,
  type EventStreamLimits,
  type EventStreamStats,
} from './event-stream-route'
import {
  cookieName,
  hasAllowedHost,
  hasAllowedOrigin,
  isAuthorized,
  type HostIdentity,
} from './request-guards'
import { handleRpc, respond } from './rpc-route'
import { sendText, setSecurityHeaders } from './security-headers'
import { serveStatic } from './static-files'

export const LOOPBACK_HOST = '127.0.0.1'

export interface WebHostOptions {
  dispatch: Dispatch<void>
  hub: EventHub
  rendererDir: string
  /** 0 picks a free port. */
  port?: number
  /** The largest RPC body accepted (default 32 MiB: room for attached images). */
  maxBodyBytes?: number
  /** Supplied by tests; a fresh random token otherwise. */
  token?: string
  /** The event stream's memory bounds (default EVENT_STREAM_LIMITS). */
  eventStreamLimits?: EventStreamLimits
  onError?: (error: unknown) => void
}

export interface WebHost {
  port: number
  token: string
  origin: string
  /** The address to open in a browser, carrying the access token. */
  url: string
  /** Connected event-stream clients, those dropped for not reading, and the replay buffer. */
  eventStreamStats(): EventStreamStats
  close(): Promise<void>
}

/** The web host: the built renderer plus the contract over HTTP + SSE, on loopback only. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? createAccessToken()
  const identity: HostIdentity = { port: 0, token }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      options.onError?.(error)
      if (!res.headersSent) respond(res, rpcFail('internal', 'The server failed to answer.'))
      else res.destroy()
    })
  })

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res)
    if (!hasAllowedHost(req, identity)) {
      return sendText(res, 403, 'This server only answers to its own loopback address.')
    }
    const url = new URL(req.url ?? '/', `http://${LOOPBACK_HOST}`)
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return routeApi(req, res, url)
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendText(res, 405, 'Method not allowed.', { Allow: 'GET, HEAD' })
    }
    const offered = url.searchParams.get('token')
    if (offered !== null) return acceptToken(res, url, offered)
    await serveStatic(options.rendererDir, url.pathname, res)
  }

  async function routeApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!hasAllowedOrigin(req, identity)) {
      return respond(res, rpcFail('forbidden', 'Cross-origin requests are not allowed.'))
    }
    if (!isAuthorized(req, identity)) {
      return respond(
        res,
        rpcFail(
          'unauthorized',
          'Missing or wrong access token: open the link the server printed, or send "Authorization: Bearer TOKEN".',
        ),
      )
    }
    if (url.pathname === '/api/events') {
      if (req.method !== 'GET') return sendText(res, 405, 'Use GET.', { Allow: 'GET' })
      return streams.open(req, res)
    }
    const rpc = /^\/api\/rpc\/([^/]+)$/.exec(url.pathname)
    if (rpc?.[1] === undefined) {
      return respond(res, rpcFail('unknown_method', `No API route at ${url.pathname}.`))
    }
    if (req.method !== 'POST') return sendText(res, 405, 'Use POST.', { Allow: 'POST' })
    await handleRpc(req, res, safeDecode(rpc[1]), options.dispatch, options.maxBodyBytes)
  }

  function acceptToken(res: ServerResponse, url: URL, offered: string): void {
    if (!tokensMatch(token, offered)) {
      return sendText(
        res,
        401,
        'This link has a wrong or expired token. Use the link the server printed.',
      )
    }
    url.searchParams.delete('token')
    res.writeHead(303, {
      Location: `${url.pathname}${url.search}`,
      'Set-Cookie': `${cookieName(identity.port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      'Cache-Control': 'no-store',
    })
    res.end()
  }

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen)
    server.listen(options.port ?? 0, LOOPBACK_HOST, () => {
      server.off('error', rejectListen)
      resolveListen()
    })
  })
  // Only once listening: a start that fails (a port in use, tried again on another) must leave
  // nothing subscribed to the hub. No request can be routed before this line runs.
  const streams = createEventStreams(options.hub, options.eventStreamLimits)
  identity.port = (server.address() as AddressInfo).port
  const origin = `http://${LOOPBACK_HOST}:${identity.port}`

  return {
    port: identity.port,
    token,
    origin,
    url: `${origin}/?token=${token}`,
    eventStreamStats: () => streams.stats(),
    async close() {
      options.hub.emit('app.notice', { level: 'warning', code: 'host.stopping', at: Date.now() })
      streams.closeAll()
      await new Promise<void>((done) => {
        server.close(() => done())
        server.closeAllConnections()
      })
    },
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
