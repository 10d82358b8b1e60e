import { describe, expect, it } from 'vitest'
import { LlmError } from '../../src/llm/errors/llm-error'
import { sanitizeError } from '../../src/llm/errors/normalize-error'
import { redactText, secretsOf } from '../../src/llm/errors/redact-secrets'
import type { Connection } from '../../src/llm/types'
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
