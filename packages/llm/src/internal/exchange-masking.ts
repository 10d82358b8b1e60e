import { REDACTED, redactText } from '../errors/redact-secrets'

/** Headers whose whole value is a credential (or a cookie). */
const SECRET_HEADERS = new Set([
  'x-api-key',
  'api-key',
  'x-goog-api-key',
  'x-amz-security-token',
  'cookie',
  'set-cookie',
  'proxy-authorization',
])

/** Any other header whose name says it holds one (a compatible server's own auth header). */
const SECRET_NAME = /key|token|secret|auth|cookie|password|credential|signature/i
/** Names that say "token" but count them: rate limits, Bedrock's token counts. */
const COUNTS = /ratelimit|-count$/i

/** Query parameters that carry a credential. */
const SECRET_QUERY =
  /^(?:key|api[-_]?key|access_token|token|sig|signature|x-amz-signature|x-amz-credential|x-amz-security-token)$/i

/**
 * `Authorization` with its scheme kept: `Bearer [redacted]`; a SigV4 header keeps its scope
 * and signed-header list but not the access key id or the signature.
 */
function maskAuthorization(value: string): string {
  if (value.startsWith('AWS4-')) {
    return value
      .replace(/Credential=[^/,\s]+/, `Credential=${REDACTED}`)
      .replace(/Signature=[0-9a-fA-F]+/, `Signature=${REDACTED}`)
  }
  const space = value.indexOf(' ')
  return space > 0 ? `${value.slice(0, space)} ${REDACTED}` : REDACTED
}

/** HTTP/2 pseudo-headers (`:authority`) and counters are not credentials, whatever their name. */
function isSecretName(name: string): boolean {
  return !name.startsWith(':') && SECRET_NAME.test(name) && !COUNTS.test(name)
}

/** Lower-case names; every credential masked, and any known secret elsewhere redacted. */
export function maskHeaders(
  headers: Iterable<[string, unknown]>,
  secrets: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [rawName, raw] of headers) {
    if (raw === undefined || raw === null) continue
    const name = rawName.toLowerCase()
    // Node's HTTP/2 headers may hold arrays or numbers.
    const value = Array.isArray(raw) ? raw.join(', ') : String(raw)
    if (name === 'authorization') out[name] = maskAuthorization(value)
    else if (SECRET_HEADERS.has(name) || isSecretName(name)) out[name] = REDACTED
    else out[name] = redactText(value, secrets)
  }
  return out
}

export function maskUrl(url: string, secrets: readonly string[]): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return redactText(url, secrets)
  }
  for (const name of [...parsed.searchParams.keys()]) {
    if (SECRET_QUERY.test(name)) parsed.searchParams.set(name, REDACTED)
  }
  if (parsed.password) parsed.password = REDACTED
  return redactText(parsed.toString().replaceAll(encodeURIComponent(REDACTED), REDACTED), secrets)
}

export function maskBody(text: string, secrets: readonly string[]): string {
  return redactText(text, secrets)
}
