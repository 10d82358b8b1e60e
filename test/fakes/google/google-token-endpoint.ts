import { createPublicKey, randomBytes, verify } from 'node:crypto'

/** What Google's OAuth token endpoint answers; `status` 200 carries an access token. */
export interface TokenAnswer {
  status: number
  body: Record<string, unknown>
}

export interface TokenIssuer {
  /** Registers a service account whose JWTs are accepted (verified with its public key). */
  trust(clientEmail: string, publicKeyPem: string): void
  /** Handles a POST to the token endpoint (form-encoded body). */
  exchange(body: string, tokenUri: string): TokenAnswer
  /** Whether `token` was issued here and has not expired. */
  isValid(token: string): boolean
  readonly issued: readonly string[]
}

const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform'

/**
 * Google's JWT-bearer grant (RFC 7523) as https://oauth2.googleapis.com/token implements it:
 * an RS256-signed assertion from a known service account, aud = the token URI, a cloud-platform
 * scope, at most one hour of validity. Errors come back as Google's
 * `{ error, error_description }` bodies.
 */
export function createTokenIssuer(lifetimeSeconds = 3599): TokenIssuer {
  const keys = new Map<string, string>()
  const tokens = new Map<string, number>()
  const issued: string[] = []
  const fail = (status: number, error: string, description: string): TokenAnswer => ({
    status,
    body: { error, error_description: description },
  })

  return {
    issued,
    trust(clientEmail, publicKeyPem) {
      keys.set(clientEmail, publicKeyPem)
    },
    isValid(token) {
      const expires = tokens.get(token)
      return expires !== undefined && expires > Date.now()
    },
    exchange(body, tokenUri) {
      const form = new URLSearchParams(body)
      if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
        return fail(
          400,
          'unsupported_grant_type',
          'Invalid grant_type: ' + (form.get('grant_type') ?? ''),
        )
      }
      const assertion = form.get('assertion') ?? ''
      const [headerPart, claimsPart, signaturePart] = assertion.split('.')
      if (!headerPart || !claimsPart || !signaturePart)
        return fail(
          400,
          'invalid_grant',
          'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.',
        )
      let header: Record<string, unknown>
      let claims: Record<string, unknown>
      try {
        header = JSON.parse(Buffer.from(headerPart, 'base64url').toString('utf8')) as Record<
          string,
          unknown
        >
        claims = JSON.parse(Buffer.from(claimsPart, 'base64url').toString('utf8')) as Record<
          string,
          unknown
        >
      } catch {
        return fail(400, 'invalid_grant', 'Invalid JWT format.')
      }
      if (header.alg !== 'RS256')
        return fail(400, 'invalid_grant', 'Invalid JWT: unsupported algorithm.')
      const publicKey = typeof claims.iss === 'string' ? keys.get(claims.iss) : undefined
      if (!publicKey) return fail(400, 'invalid_grant', 'Invalid grant: account not found')
      const signed = verify(
        'RSA-SHA256',
        Buffer.from(`${headerPart}.${claimsPart}`),
        createPublicKey(publicKey),
        Buffer.from(signaturePart, 'base64url'),
      )
      if (!signed) return fail(400, 'invalid_grant', 'Invalid JWT Signature.')
      const now = Math.floor(Date.now() / 1000)
      const iat = Number(claims.iat)
      const exp = Number(claims.exp)
      if (
        !Number.isFinite(iat) ||
        !Number.isFinite(exp) ||
        exp - iat > 3600 ||
        exp < now ||
        iat > now + 300
      ) {
        return fail(
          400,
          'invalid_grant',
          'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
        )
      }
      if (claims.aud !== tokenUri)
        return fail(400, 'invalid_grant', 'Invalid JWT: audience mismatch.')
      const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : []
      if (!scopes.includes(CLOUD_PLATFORM))
        return fail(400, 'invalid_scope', 'Invalid OAuth scope or ID token audience provided.')

      const token = `ya29.c.${randomBytes(48).toString('base64url')}`
      tokens.set(token, Date.now() + lifetimeSeconds * 1000)
      issued.push(token)
      return {
        status: 200,
        body: { access_token: token, expires_in: lifetimeSeconds, token_type: 'Bearer' },
      }
    },
  }
}
