import { createHash, createPrivateKey, sign } from 'node:crypto'
import { withHint, type LlmHint } from '../../errors/hint-codes'
import { LlmError } from '../../errors/llm-error'
import type { ProviderId } from '../../types'

export const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform'
export const DEFAULT_TOKEN_URI = 'https://oauth2.googleapis.com/token'
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer'
/** A cached token is reused until this long before it expires. */
const REFRESH_MARGIN_MS = 6 * 60_000

export interface ServiceAccount {
  client_email: string
  private_key: string
  private_key_id?: string
  token_uri: string
  project_id?: string
}

export interface AccessToken {
  token: string
  expiresAt: number
}

/** Reads a service-account key file's JSON; never puts any of its text in an error. */
export function parseServiceAccount(provider: ProviderId, json: string): ServiceAccount {
  let parsed: Record<string, unknown>
  try {
    parsed = JSON.parse(json) as Record<string, unknown>
  } catch {
    throw authError(
      provider,
      'The service account key is not valid JSON.',
      withHint(
        'paste_service_account_json',
        'Paste the whole JSON key file of the service account.',
      ),
    )
  }
  const email = parsed.client_email
  const key = parsed.private_key
  if (typeof email !== 'string' || typeof key !== 'string' || !email || !key) {
    throw authError(
      provider,
      'The service account key lacks client_email or private_key.',
      withHint(
        'use_service_account_key',
        'Use a JSON key of type "service_account" (IAM → Service accounts → Keys → Add key → JSON).',
      ),
    )
  }
  const tokenUri =
    typeof parsed.token_uri === 'string' && parsed.token_uri ? parsed.token_uri : DEFAULT_TOKEN_URI
  if (!/^https?:\/\//i.test(tokenUri)) {
    throw authError(provider, 'The service account key has a token_uri that is not an http(s) URL.')
  }
  return {
    client_email: email,
    private_key: key,
    token_uri: tokenUri,
    ...(typeof parsed.private_key_id === 'string' ? { private_key_id: parsed.private_key_id } : {}),
    ...(typeof parsed.project_id === 'string' ? { project_id: parsed.project_id } : {}),
  }
}

const cache = new Map<string, Promise<AccessToken>>()

/**
 * An OAuth access token for the service account, by the JWT-bearer grant (RFC 7523) posted to the
 * key's own token_uri. Cached in memory per account, key and token_uri until shortly before expiry.
 */
export async function serviceAccountToken(
  provider: ProviderId,
  account: ServiceAccount,
  fetchFn: typeof fetch,
  signal: AbortSignal,
  now: () => number = Date.now,
): Promise<AccessToken> {
  const keyHash = createHash('sha256').update(account.private_key).digest('hex')
  const cacheKey = `${account.client_email}\n${account.token_uri}\n${keyHash}`
  const cached = cache.get(cacheKey)
  if (cached) {
    try {
      const token = await cached
      if (token.expiresAt - REFRESH_MARGIN_MS > now()) return token
    } catch {
      // A failed exchange is not cached; try again below.
    }
    if (cache.get(cacheKey) === cached) cache.delete(cacheKey)
  }
  const pending = exchange(provider, account, fetchFn, signal, now)
  cache.set(cacheKey, pending)
  pending.catch(() => {
    if (cache.get(cacheKey) === pending) cache.delete(cacheKey)
  })
  return pending
}

/** Forgets every cached token (tests). */
export function clearTokenCache(): void {
  cache.clear()
}

export function signServiceAccountJwt(account: ServiceAccount, issuedAt: number): string {
  const header = {
    alg: 'RS256',
    typ: 'JWT',
    ...(account.private_key_id ? { kid: account.private_key_id } : {}),
  }
  const claims = {
    iss: account.client_email,
    scope: CLOUD_PLATFORM_SCOPE,
    aud: account.token_uri,
    iat: issuedAt,
    exp: issuedAt + 3600,
  }
  const unsigned = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`
  const signature = sign('RSA-SHA256', Buffer.from(unsigned), createPrivateKey(account.private_key))
  return `${unsigned}.${signature.toString('base64url')}`
}

async function exchange(
  provider: ProviderId,
  account: ServiceAccount,
  fetchFn: typeof fetch,
  signal: AbortSignal,
  now: () => number,
): Promise<AccessToken> {
  let assertion: string
  try {
    assertion = signServiceAccountJwt(account, Math.floor(now() / 1000))
  } catch {
    throw authError(
      provider,
      'The service account private_key could not be read as an RSA key.',
      withHint('paste_service_account_json', 'Paste the key file unchanged.'),
    )
  }
  // The token request may be cancelled with the call, but the cached promise must not be shared
  // with a call that was aborted: an aborted exchange rejects and is dropped from the cache.
  const response = await fetchFn(account.token_uri, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ grant_type: JWT_BEARER, assertion }).toString(),
    signal,
  })
  const text = await response.text()
  let body: Record<string, unknown> = {}
  try {
    body = JSON.parse(text) as Record<string, unknown>
  } catch {
    // not JSON
  }
  if (!response.ok) throw tokenError(provider, response.status, body)
  const token = body.access_token
  if (typeof token !== 'string' || !token) {
    throw new LlmError({
      kind: 'server',
      provider,
      status: response.status,
      message: 'The token endpoint answered without an access_token.',
    })
  }
  const expiresIn =
    typeof body.expires_in === 'number' ? body.expires_in : Number(body.expires_in ?? 3600)
  return { token, expiresAt: now() + (Number.isFinite(expiresIn) ? expiresIn : 3600) * 1000 }
}

function tokenError(provider: ProviderId, status: number, body: Record<string, unknown>): LlmError {
  const code = typeof body.error === 'string' ? body.error : undefined
  const description =
    typeof body.error_description === 'string' ? body.error_description : undefined
  const message = `The OAuth token exchange failed (HTTP ${status}${code ? ` ${code}` : ''})${description ? `: ${description}` : '.'}`
  if (status === 429)
    return new LlmError({
      kind: 'rate_limit',
      provider,
      status,
      message,
      ...(code ? { code } : {}),
    })
  if (status >= 500)
    return new LlmError({ kind: 'server', provider, status, message, ...(code ? { code } : {}) })
  return new LlmError({
    kind: status === 403 ? 'permission' : 'auth',
    provider,
    status,
    message,
    ...(code ? { code } : {}),
    ...withHint(
      'service_account_refused',
      'The service account key was refused: it may be deleted or disabled, or the machine clock is off. Create a new key for the service account.',
    ),
  })
}

function authError(provider: ProviderId, message: string, hint?: LlmHint): LlmError {
  return new LlmError({ kind: 'auth', provider, message, ...hint })
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url')
}
