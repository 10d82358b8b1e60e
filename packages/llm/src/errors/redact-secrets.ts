import type { Connection } from '../types'
import { encodedForms } from './secret-forms'

const SECRET_FIELDS = ['apiKey', 'secretAccessKey', 'sessionToken', 'serviceAccountJson'] as const

/** Key-shaped strings redacted even when they are not this connection's own secrets. */
const KEY_PATTERNS: RegExp[] = [
  /sk-ant-[A-Za-z0-9_-]{8,}/g,
  /sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{16,}/g,
  /AIza[0-9A-Za-z_-]{20,}/g,
  /ya29\.[0-9A-Za-z_.-]{10,}/g,
  /ABSK[A-Za-z0-9+/=]{20,}/g,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
  /(?<=[Bb]earer\s)[A-Za-z0-9._~+/=-]{12,}/g,
  /(?<=Signature=)[0-9a-f]{64}/g,
  /(?<=X-Amz-Security-Token=)[^&\s"']+/g,
  /(?<=[?&](?:key|api-key|access_token)=)[^&\s"']+/g,
]

export const REDACTED = '[redacted]'

/**
 * The secret values a connection holds, including the parts of a service-account key (its
 * private key and the whole JSON text), each with the forms a server may echo it in (see
 * `encodedForms`) — longest first so overlapping values redact fully. Called once per error,
 * never per streamed chunk.
 */
export function secretsOf(
  connection: Connection | undefined,
  extra: readonly string[] = [],
): string[] {
  const found = new Set<string>(extra.filter((value) => value.length >= 6))
  if (connection) {
    const record = connection as unknown as Record<string, unknown>
    for (const field of SECRET_FIELDS) {
      const value = record[field]
      if (typeof value === 'string' && value.length >= 6) found.add(value)
    }
    const json = record.serviceAccountJson
    if (typeof json === 'string') {
      try {
        const parsed = JSON.parse(json) as Record<string, unknown>
        for (const key of ['private_key', 'private_key_id']) {
          const value = parsed[key]
          if (typeof value === 'string' && value.length >= 6) {
            found.add(value)
            // Each line of a PEM body on its own, should a message quote only part of the key.
            for (const line of value.split(/\r?\n/)) {
              if (line.length >= 16 && !line.startsWith('-----')) found.add(line)
            }
          }
        }
      } catch {
        // Not JSON: the whole text is already redacted as one value.
      }
    }
    const headers = record.headers
    if (headers && typeof headers === 'object') {
      for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
        if (typeof value === 'string' && /auth|key|token|secret/i.test(name) && value.length >= 6) {
          found.add(value)
        }
      }
    }
  }
  const forms = new Set<string>()
  for (const secret of found) for (const form of encodedForms(secret)) forms.add(form)
  return [...forms].sort((a, b) => b.length - a.length)
}

/** Replaces every known secret and every key-shaped string in `text`. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text
  for (const secret of secrets) out = out.split(secret).join(REDACTED)
  for (const pattern of KEY_PATTERNS) out = out.replace(pattern, REDACTED)
  return out.replace(BASIC_CREDENTIALS, redactBasicCredentials)
}

/** `Basic <base64>` as in an Authorization header (standard or URL-safe alphabet). */
const BASIC_CREDENTIALS = /(?<=\bBasic\s+)[A-Za-z0-9+/_-]{8,}={0,2}/g

/**
 * Redacts the value of a Basic header when it decodes to printable `user:password` text, so an
 * echoed header is caught even when the password is not a secret this connection knows; English
 * like "Basic authentication" decodes to binary and is left alone.
 */
function redactBasicCredentials(value: string): string {
  const decoded = Buffer.from(value, 'base64').toString('latin1')
  return decoded.includes(':') && /^[\x20-\x7e]+$/.test(decoded) ? REDACTED : value
}
