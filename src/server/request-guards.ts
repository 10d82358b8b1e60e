import type { IncomingMessage } from 'node:http'
import { tokensMatch } from './access-token'

export interface HostIdentity {
  port: number
  token: string
}

/** The Host values the server answers to: anything else may be a DNS-rebinding attempt. */
export function allowedHosts({ port }: Pick<HostIdentity, 'port'>): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`])
}

export function allowedOrigins({ port }: Pick<HostIdentity, 'port'>): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`])
}

export function hasAllowedHost(req: IncomingMessage, identity: HostIdentity): boolean {
  const host = req.headers.host
  return host !== undefined && allowedHosts(identity).has(host.toLowerCase())
}

/**
 * Scripts send no Origin; browsers send one on every cross-origin and every state-changing
 * request. A foreign or opaque ("null") Origin, or a cross-site fetch, is refused.
 */
export function hasAllowedOrigin(req: IncomingMessage, identity: HostIdentity): boolean {
  const origin = req.headers.origin
  if (origin !== undefined) return allowedOrigins(identity).has(origin.toLowerCase())
  const site = req.headers['sec-fetch-site']
  return site === undefined || site === 'same-origin' || site === 'none'
}

export function cookieName(port: number): string {
  // Cookies are not isolated by port, so two servers on one machine need different names.
  return `parallax_token_${port}`
}

export function isAuthorized(req: IncomingMessage, identity: HostIdentity): boolean {
  return (
    tokensMatch(identity.token, bearerToken(req)) ||
    tokensMatch(identity.token, readCookie(req, cookieName(identity.port)))
  )
}

function bearerToken(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')
  return match?.[1]
}

function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}
