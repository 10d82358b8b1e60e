import { createPublicKey, verify } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { complete, type Connection } from '../../packages/llm/src/index'
import {
  CLOUD_PLATFORM_SCOPE,
  clearTokenCache,
  parseServiceAccount,
  serviceAccountToken,
  signServiceAccountJwt,
} from '../../packages/llm/src/providers/google/service-account-token'
import { startGoogleFake, type GoogleFakeServer } from '../fakes/google/google-fake'
import { createTestServiceAccount } from '../fakes/google/service-account'
import { caught } from './contract-suite'
import { errorSurfaces } from './error-surfaces'

let fake: GoogleFakeServer

beforeAll(async () => {
  fake = await startGoogleFake()
})
afterAll(() => fake.close())
beforeEach(() => {
  fake.reset()
  clearTokenCache()
})

const vertex = (serviceAccountJson: string): Connection => ({
  provider: 'vertex',
  project: 'parallax-test',
  location: 'us-central1',
  serviceAccountJson,
  baseURL: fake.url,
})
const ask = { model: 'gemini-2.5-flash', messages: [{ role: 'user' as const, content: 'Hi' }] }

describe('service-account JWT-bearer exchange', () => {
  it('signs an RS256 JWT for the cloud-platform scope, audience = token_uri', () => {
    const account = parseServiceAccount('vertex', fake.serviceAccount.text)
    const jwt = signServiceAccountJwt(account, 1_800_000_000)
    const [header, claims, signature] = jwt.split('.')
    expect(JSON.parse(Buffer.from(header ?? '', 'base64url').toString())).toMatchObject({
      alg: 'RS256',
      typ: 'JWT',
      kid: fake.serviceAccount.json.private_key_id,
    })
    expect(JSON.parse(Buffer.from(claims ?? '', 'base64url').toString())).toEqual({
      iss: fake.serviceAccount.clientEmail,
      scope: CLOUD_PLATFORM_SCOPE,
      aud: fake.tokenUri,
      iat: 1_800_000_000,
      exp: 1_800_003_600,
    })
    const ok = verify(
      'RSA-SHA256',
      Buffer.from(`${header}.${claims}`),
      createPublicKey(fake.serviceAccount.publicKey),
      Buffer.from(signature ?? '', 'base64url'),
    )
    expect(ok).toBe(true)
  })

  it('posts to the key’s own token_uri and reuses the token until it nears expiry', async () => {
    await complete(ask, vertex(fake.serviceAccount.text))
    await complete(ask, vertex(fake.serviceAccount.text))
    expect(fake.tokenRequests).toHaveLength(1)
    const form = new URLSearchParams(fake.tokenRequests[0]?.body)
    expect(form.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer')
    expect(fake.tokenRequests[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(fake.requests.map((r) => r.headers.authorization)).toEqual([
      `Bearer ${fake.tokens.issued[0]}`,
      `Bearer ${fake.tokens.issued[0]}`,
    ])
  })

  it('exchanges again when the cached token is about to expire', async () => {
    // Tokens that live 5 minutes are always inside the refresh margin: every call exchanges.
    const shortLived = await startGoogleFake({ tokenLifetimeSeconds: 300 })
    try {
      const account = parseServiceAccount('vertex', shortLived.serviceAccount.text)
      const signal = new AbortController().signal
      const first = await serviceAccountToken('vertex', account, fetch, signal)
      const second = await serviceAccountToken('vertex', account, fetch, signal)
      expect(second.token).not.toBe(first.token)
      expect(shortLived.tokenRequests).toHaveLength(2)
      expect(second.expiresAt - Date.now()).toBeLessThanOrEqual(300_000)
    } finally {
      await shortLived.close()
    }
  })

  it('keys the cache by the private key too: a wrong key never rides on a cached token', async () => {
    await complete(ask, vertex(fake.serviceAccount.text))
    const forged = {
      ...JSON.parse(createTestServiceAccount(fake.tokenUri).text),
      client_email: fake.serviceAccount.clientEmail,
    }
    const error = await caught(complete(ask, vertex(JSON.stringify(forged))))
    expect(error.kind).toBe('auth')
    expect(error.message).toContain('Invalid JWT Signature')
    expect(errorSurfaces(error)).not.toContain(forged.private_key)
    expect(errorSurfaces(error)).not.toContain(fake.tokens.issued[0])
  })

  it('refuses a key the token endpoint does not know, without leaking it', async () => {
    const stranger = createTestServiceAccount(fake.tokenUri)
    const error = await caught(complete(ask, vertex(stranger.text)))
    expect(error.kind).toBe('auth')
    expect(error.status).toBe(400)
    expect(error.hint).toBeTruthy()
    expect(fake.requests).toHaveLength(0)
    const surfaces = errorSurfaces(error)
    expect(surfaces).not.toContain(stranger.privateKey.split('\n')[1])
  })

  it('rejects a request with no or a foreign bearer token on the Vertex paths', async () => {
    const response = await fetch(
      `${fake.url}/v1beta1/projects/p/locations/l/publishers/google/models/gemini-2.5-flash:generateContent`,
      {
        method: 'POST',
        headers: {
          authorization: 'Bearer ya29.not-issued-here',
          'content-type': 'application/json',
        },
        body: '{"contents":[]}',
      },
    )
    expect(response.status).toBe(401)
    expect(((await response.json()) as { error: { status: string } }).error.status).toBe(
      'UNAUTHENTICATED',
    )
  })

  it('says plainly when the key is not JSON, without echoing it', async () => {
    const error = await caught(complete(ask, vertex('not json: -----BEGIN PRIVATE KEY----- abc')))
    expect(error.kind).toBe('auth')
    expect(error.message).toBe('The service account key is not valid JSON.')
    expect(errorSurfaces(error)).not.toContain('abc')
  })
})
