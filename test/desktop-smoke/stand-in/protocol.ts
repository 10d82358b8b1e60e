import { readFile, stat } from 'node:fs/promises'
import { extname } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FetchResult } from '../messages.ts'
import { guarded, requireBeforeReady, requireReady, violate } from './rules.ts'

type Handler = (request: Request) => Response | Promise<Response>

const handlers = new Map<string, Handler>()
const privileged = new Map<string, Record<string, boolean | undefined>>()
let privilegedCalls = 0

export const protocol = guarded('protocol', {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]) {
    privilegedCalls++
    requireBeforeReady('protocol.registerSchemesAsPrivileged')
    if (privilegedCalls > 1) {
      violate('privileged-once', 'protocol.registerSchemesAsPrivileged was called again.')
    }
    for (const { scheme, privileges } of schemes) privileged.set(scheme, { ...privileges })
  },
  handle(scheme: string, handler: Handler) {
    requireReady('protocol.handle')
    if (handlers.has(scheme)) {
      violate('protocol-twice', `protocol.handle('${scheme}') was called twice.`)
      throw new Error(`Failed to register protocol: ${scheme}`)
    }
    handlers.set(scheme, handler)
  },
  unhandle(scheme: string) {
    if (!handlers.delete(scheme)) throw new Error(`Failed to unhandle protocol: ${scheme}`)
  },
  isProtocolHandled(scheme: string) {
    return handlers.has(scheme)
  },
})

/** Whether pages from `scheme` get a standard, secure origin (storage, fetch, relative URLs). */
export function isStandardScheme(scheme: string): boolean {
  if (scheme === 'http' || scheme === 'https') return true
  const privileges = privileged.get(scheme)
  return privileges?.standard === true && privileges.secure === true
}

/**
 * A request to a handled scheme as Chromium makes it: the handler gets a real `Request` and must
 * answer with a `Response`; a throw or a rejection ends as ERR_UNEXPECTED, like Electron's own
 * wrapper (lib/browser/api/protocol.ts).
 */
export async function requestScheme(url: string): Promise<FetchResult> {
  const scheme = url.slice(0, Math.max(0, url.indexOf(':')))
  const handler = handlers.get(scheme)
  if (!handler) return { error: 'ERR_UNKNOWN_URL_SCHEME' }
  let response: unknown
  try {
    response = await handler(new Request(url, { method: 'GET' }))
  } catch (error) {
    return { error: `ERR_UNEXPECTED (${(error as Error).message})` }
  }
  if (!(response instanceof Response)) {
    violate(
      'protocol-response',
      `the ${scheme}:// handler answered ${url} with ${typeof response}.`,
    )
    return { error: 'ERR_UNEXPECTED' }
  }
  if (response.type === 'error') return { error: 'ERR_FAILED' }
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: await response.text(),
  }
}

const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
}

export const net = guarded('net', {
  /** Chromium's fetch: file: URLs read from disk (a missing file rejects), others go out. */
  async fetch(input: string | Request, init?: RequestInit): Promise<Response> {
    requireReady('net.fetch')
    const url = typeof input === 'string' ? input : input.url
    if (url.startsWith('file:')) return readFileResponse(fileURLToPath(url))
    const scheme = url.slice(0, url.indexOf(':'))
    if (handlers.has(scheme)) {
      const result = await requestScheme(url)
      if (result.error) throw new Error(`net::${result.error}`)
      return new Response(result.body ?? null, { status: result.status, headers: result.headers })
    }
    return fetch(input, init)
  },
  isOnline() {
    return true
  },
})

async function readFileResponse(path: string): Promise<Response> {
  const info = await stat(path).catch(() => undefined)
  if (!info?.isFile()) throw new Error('net::ERR_FILE_NOT_FOUND')
  const type = MIME[extname(path).toLowerCase()] ?? 'application/octet-stream'
  return new Response(await readFile(path), { status: 200, headers: { 'Content-Type': type } })
}
