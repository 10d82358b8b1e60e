import { createHash, createHmac } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'

/**
 * An AWS Signature Version 4 verifier written from the spec
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html): it recomputes the
 * canonical request, string to sign and signature from the secret key the fake was given.
 */

export interface AwsCredentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
}

export interface SignedRequest {
  method: string
  /** Path and query exactly as received (still percent-encoded). */
  url: string
  headers: IncomingHttpHeaders
  body: string | Buffer
}

export type SigV4Result =
  | { ok: true; accessKeyId: string }
  | {
      ok: false
      errorType:
        | 'UnrecognizedClientException'
        | 'InvalidSignatureException'
        | 'IncompleteSignatureException'
        | 'MissingAuthenticationTokenException'
      message: string
    }

const ALGORITHM = 'AWS4-HMAC-SHA256'
const MAX_SKEW_MS = 15 * 60 * 1000

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest()
}

export function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  const kDate = hmac(`AWS4${secret}`, date)
  const kRegion = hmac(kDate, region)
  const kService = hmac(kRegion, service)
  return hmac(kService, 'aws4_request')
}

/** RFC 3986 encoding as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
export function uriEscape(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

/** Every service but S3 encodes each (already encoded) path segment a second time. */
export function canonicalPath(rawPath: string): string {
  const segments: string[] = []
  for (const segment of rawPath.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') segments.pop()
    else segments.push(segment)
  }
  const joined = `/${segments.join('/')}${rawPath.endsWith('/') && segments.length ? '/' : ''}`
  return uriEscape(joined).replace(/%2F/g, '/')
}

export function canonicalQuery(rawQuery: string): string {
  if (!rawQuery) return ''
  const pairs = rawQuery
    .split('&')
    .filter(Boolean)
    .map((part) => {
      const at = part.indexOf('=')
      const key = decodeURIComponent(at < 0 ? part : part.slice(0, at))
      const value = at < 0 ? '' : decodeURIComponent(part.slice(at + 1))
      return [uriEscape(key), uriEscape(value)] as const
    })
    .filter(([key]) => key !== 'X-Amz-Signature')
  pairs.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
  return pairs.map(([key, value]) => `${key}=${value}`).join('&')
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name]
  if (value === undefined && name === 'host') return headerValue(headers, ':authority')
  if (value === undefined) return undefined
  return (Array.isArray(value) ? value.join(',') : value).trim().replace(/\s+/g, ' ')
}

export function canonicalRequest(
  req: SignedRequest,
  signedHeaders: string[],
  payloadHash: string,
): string {
  const at = req.url.indexOf('?')
  const path = at < 0 ? req.url : req.url.slice(0, at)
  const query = at < 0 ? '' : req.url.slice(at + 1)
  const headerLines = signedHeaders.map(
    (name) => `${name}:${headerValue(req.headers, name) ?? ''}\n`,
  )
  return [
    req.method.toUpperCase(),
    canonicalPath(path),
    canonicalQuery(query),
    headerLines.join(''),
    signedHeaders.join(';'),
    payloadHash,
  ].join('\n')
}

export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return [ALGORITHM, amzDate, scope, sha256Hex(canonical)].join('\n')
}

/** Parses `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`. */
export function parseAuthorization(
  header: string,
): { credential: string; signedHeaders: string[]; signature: string } | undefined {
  if (!header.startsWith(`${ALGORITHM} `)) return undefined
  const fields = new Map<string, string>()
  for (const part of header.slice(ALGORITHM.length + 1).split(',')) {
    const at = part.indexOf('=')
    if (at > 0) fields.set(part.slice(0, at).trim(), part.slice(at + 1).trim())
  }
  const credential = fields.get('Credential')
  const signedHeaders = fields.get('SignedHeaders')
  const signature = fields.get('Signature')
  if (!credential || !signedHeaders || !signature) return undefined
  return { credential, signedHeaders: signedHeaders.split(';'), signature }
}

export interface VerifyOptions {
  credentials: AwsCredentials[]
  region: string
  service: string
  now?: Date
}

export function verifySigV4(req: SignedRequest, options: VerifyOptions): SigV4Result {
  const authorization = headerValue(req.headers, 'authorization')
  if (!authorization) {
    return {
      ok: false,
      errorType: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
    }
  }
  const parsed = parseAuthorization(authorization)
  if (!parsed) {
    return {
      ok: false,
      errorType: 'IncompleteSignatureException',
      message: `Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters.`,
    }
  }
  const [accessKeyId, date, region, service, terminator] = parsed.credential.split('/')
  const known = options.credentials.find((c) => c.accessKeyId === accessKeyId)
  if (!known) {
    return {
      ok: false,
      errorType: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    }
  }
  const token = headerValue(req.headers, 'x-amz-security-token')
  if ((known.sessionToken ?? undefined) !== (token ?? undefined)) {
    return {
      ok: false,
      errorType: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    }
  }
  if (region !== options.region || service !== options.service || terminator !== 'aws4_request') {
    return {
      ok: false,
      errorType: 'InvalidSignatureException',
      message: `Credential should be scoped to a valid region, not '${region ?? ''}'. `,
    }
  }
  const amzDate = headerValue(req.headers, 'x-amz-date') ?? ''
  const signedAt = parseAmzDate(amzDate)
  const now = options.now ?? new Date()
  if (!signedAt || !amzDate.startsWith(date ?? '-')) {
    return {
      ok: false,
      errorType: 'IncompleteSignatureException',
      message: "Date must be in ISO-8601 'basic format'.",
    }
  }
  if (Math.abs(now.getTime() - signedAt.getTime()) > MAX_SKEW_MS) {
    return {
      ok: false,
      errorType: 'InvalidSignatureException',
      message: `Signature expired: ${amzDate} is now earlier than ${toAmzDate(new Date(now.getTime() - MAX_SKEW_MS))} (${toAmzDate(now)} - 15 min.)`,
    }
  }
  if (!parsed.signedHeaders.includes('host') && !parsed.signedHeaders.includes(':authority')) {
    return {
      ok: false,
      errorType: 'InvalidSignatureException',
      message: `'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.`,
    }
  }
  const bodyHash = sha256Hex(req.body)
  const claimedHash = headerValue(req.headers, 'x-amz-content-sha256')
  if (claimedHash && claimedHash !== 'UNSIGNED-PAYLOAD' && claimedHash !== bodyHash) {
    return {
      ok: false,
      errorType: 'InvalidSignatureException',
      message: "The provided 'x-amz-content-sha256' header does not match what was computed.",
    }
  }
  const payloadHash = claimedHash ?? bodyHash
  const canonical = canonicalRequest(req, parsed.signedHeaders, payloadHash)
  const scope = `${date}/${region}/${service}/aws4_request`
  const key = signingKey(known.secretAccessKey, date ?? '', region, service)
  const expected = createHmac('sha256', key)
    .update(stringToSign(amzDate, scope, canonical))
    .digest('hex')
  if (expected !== parsed.signature) {
    return {
      ok: false,
      errorType: 'InvalidSignatureException',
      message:
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    }
  }
  return { ok: true, accessKeyId: known.accessKeyId }
}

function parseAmzDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value)
  if (!m) return undefined
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second))
}

function toAmzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}
