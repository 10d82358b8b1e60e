import { describe, expect, it } from 'vitest'
import { LlmError } from '../../packages/llm/src/errors/llm-error'
import { sanitizeError } from '../../packages/llm/src/errors/normalize-error'
import { redactText, secretsOf } from '../../packages/llm/src/errors/redact-secrets'
import type { Connection } from '../../packages/llm/src/types'
import { errorSurfaces } from '../llm/error-surfaces'

const privateKey =
  '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n'

describe('secret redaction', () => {
  const connections: [Connection, string[]][] = [
    [
      { provider: 'openai', apiKey: 'sk-proj-abcdefghijklmnopqrstuvwx' },
      ['sk-proj-abcdefghijklmnopqrstuvwx'],
    ],
    [
      { provider: 'anthropic', apiKey: 'sk-ant-api03-zzzzzzzzzzzzzzzz' },
      ['sk-ant-api03-zzzzzzzzzzzzzzzz'],
    ],
    [
      {
        provider: 'azure',
        endpoint: 'https://x.openai.azure.com',
        apiKey: '0123456789abcdef0123456789abcdef',
      },
      ['0123456789abcdef0123456789abcdef'],
    ],
    [
      {
        provider: 'bedrock',
        region: 'us-east-1',
        accessKeyId: 'AKIAFAKEFAKEFAKE0001',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYFAKEKEY',
        sessionToken: 'IQoJb3JpZ2luX2VjEFAKESESSIONTOKEN',
      },
      ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYFAKEKEY', 'IQoJb3JpZ2luX2VjEFAKESESSIONTOKEN'],
    ],
    [
      {
        provider: 'vertex',
        project: 'p',
        location: 'us-central1',
        serviceAccountJson: JSON.stringify({
          private_key: privateKey,
          client_email: 'a@p.iam.gserviceaccount.com',
        }),
      },
      ['MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'],
    ],
  ]

  it.each(connections)(
    'removes the secrets of %j from every surface of an error',
    (connection, secrets) => {
      const leaky = secrets.join(' and ')
      const error = new LlmError({
        kind: 'auth',
        provider: connection.provider,
        message: `Incorrect API key provided: ${leaky}`,
        hint: `check ${leaky}`,
        requestId: 'req_1',
        cause: Object.assign(new Error(`401 for ${leaky}`), {
          headers: { authorization: `Bearer ${leaky}` },
        }),
      })
      const clean = sanitizeError(error, connection)
      expect(clean.kind).toBe('auth')
      expect(clean.requestId).toBe('req_1')
      const surfaces = errorSurfaces(clean)
      for (const secret of secrets) expect(surfaces).not.toContain(secret)
      expect(surfaces).toContain('[redacted]')
    },
  )

  it('redacts key-shaped strings even when they are not the connection’s own', () => {
    const text = redactText(
      'keys sk-proj-AAAAAAAAAAAAAAAAAAAAAAAA sk-ant-api03-BBBBBBBBBB AIzaSyA1234567890123456789012345678 ya29.a0AfH6SMBxxxxxxx Bearer abcdefghijklmnop ?key=AIzaInUrl&x=1',
      [],
    )
    expect(text).not.toMatch(/sk-proj-A|sk-ant-api03-B|AIzaSyA|ya29\.a0|abcdefghijklmnop|AIzaInUrl/)
  })

  it('treats a service account’s escaped private key as a secret too', () => {
    const json = JSON.stringify({ private_key: privateKey })
    const secrets = secretsOf({
      provider: 'vertex',
      project: 'p',
      location: 'l',
      serviceAccountJson: json,
    })
    expect(redactText(`body: ${json}`, secrets)).not.toContain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC')
  })
})

describe('redaction of encoded secrets', () => {
  // A key with characters every encoding treats differently: / + = " \ space and non-ASCII.
  const key = 'pk_Test/+Key="quoted"\\back slash~é-0123456789'
  const plain = 'sk-local-0123456789abcdefABCDEF'
  const connection: Connection = { provider: 'openai-compatible', apiKey: key, baseURL: 'x' }
  const secrets = secretsOf(connection)
  const redact = (text: string) => redactText(text, secrets)

  const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')
  const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url')
  /** What must never survive: the key's own base64 bytes at the given alignment. */
  const leaks = (text: string, secret: string): boolean => {
    if (text.includes(secret)) return true
    for (let offset = 0; offset < 3; offset++) {
      const core = Buffer.concat([Buffer.alloc(offset), Buffer.from(secret)])
        .toString('base64')
        .slice(
          Math.ceil((offset * 8) / 6),
          Math.floor(((offset + Buffer.byteLength(secret)) * 8) / 6),
        )
      if (text.includes(core) || text.includes(core.replace(/\+/g, '-').replace(/\//g, '_')))
        return true
    }
    return false
  }

  it.each([
    ['URL-encoded', encodeURIComponent(key)],
    [
      'URL-encoded, lower-case hex',
      encodeURIComponent(key).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()),
    ],
    ['form-encoded', new URLSearchParams({ k: key }).toString().slice(2)],
    ['form-encoded with +', encodeURIComponent(key).replace(/%20/g, '+')],
    ['JSON-escaped', JSON.stringify(key).slice(1, -1)],
    ['JSON-escaped with \\/', JSON.stringify(key).slice(1, -1).replace(/\//g, '\\/')],
    ['JSON-escaped ASCII-only', JSON.stringify(key).slice(1, -1).replace('é', '\\u00e9')],
    ['JSON-escaped twice', JSON.stringify(JSON.stringify(key).slice(1, -1)).slice(1, -1)],
  ])('removes the key %s', (_, form) => {
    expect(form).not.toBe(key)
    const out = redact(`{"error":"bad key: ${form}."}`)
    expect(out).not.toContain(form)
    expect(out).toBe('{"error":"bad key: [redacted]."}')
  })

  const blobs: [string, (secret: string) => string][] = []
  for (const prefix of ['', 'u', 'us', 'user:', 'Bearer:xy']) {
    for (const suffix of ['', 'z', ':tail-bytes']) {
      blobs.push([`base64 of "${prefix}" + key + "${suffix}"`, (s) => base64(prefix + s + suffix)])
      blobs.push([
        `unpadded base64 of "${prefix}" + key + "${suffix}"`,
        (s) => base64(prefix + s + suffix).replace(/=+$/, ''),
      ])
      blobs.push([
        `base64url of "${prefix}" + key + "${suffix}"`,
        (s) => base64url(prefix + s + suffix),
      ])
    }
  }

  it.each(blobs)('removes the key from %s (every byte alignment)', (_, encode) => {
    for (const secret of [key, plain]) {
      const own = redactText(`token ${encode(secret)} end`, secretsOf(undefined, [secret]))
      expect(leaks(own, secret), own).toBe(false)
      expect(own).toContain('[redacted]')
      expect(own.startsWith('token ')).toBe(true)
      expect(own.endsWith(' end')).toBe(true)
    }
  })

  it('removes a Basic authorization header, even for a password it does not know', () => {
    const header = `Authorization: Basic ${base64(`user:${key}`)}`
    expect(leaks(redact(header), key)).toBe(false)
    const unknown = `echo: basic auth failed for Basic ${base64('admin:hunter2-other')}`
    expect(redactText(unknown, [])).toBe('echo: basic auth failed for Basic [redacted]')
  })

  it('leaves unrelated text untouched', () => {
    const text =
      'Basic authentication is not supported. Model gpt-4.1 at https://example.com/v1?x=1 ' +
      `said {"error":{"message":"quota exceeded","code":429}} ${base64('some other payload')}`
    expect(redact(text)).toBe(text)
    expect(redactText(text, [])).toBe(text)
  })
})
