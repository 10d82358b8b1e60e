import { describe, expect, it } from 'vitest'
import { providers, type Connection } from '@parallax/llm'
import { mergeConnection, secretFieldNames, splitConnection } from './connection-secrets'

const examples: Connection[] = [
  {
    provider: 'openai',
    apiKey: 'sk-proj-OPENAI',
    organization: 'org-1',
    project: 'p',
    baseURL: 'https://x',
  },
  { provider: 'anthropic', apiKey: 'sk-ant-ANTHROPIC' },
  {
    provider: 'azure',
    endpoint: 'https://r.openai.azure.com',
    apiKey: 'AZUREKEY',
    apiVersion: '2024-10-21',
  },
  {
    provider: 'bedrock',
    region: 'us-east-1',
    accessKeyId: 'AKIAEXAMPLE',
    secretAccessKey: 'BEDROCK/SECRET',
    sessionToken: 'SESSIONTOKEN',
    endpoint: 'https://vpce',
  },
  { provider: 'gemini', apiKey: 'AIzaGEMINI' },
  {
    provider: 'vertex',
    project: 'proj',
    location: 'global',
    serviceAccountJson: '{"private_key":"-----BEGIN PRIVATE KEY-----\\nVERTEX\\n"}',
  },
  {
    provider: 'openai-compatible',
    baseURL: 'http://localhost:11434/v1',
    apiKey: 'COMPATKEY',
    headers: { 'X-Api-Key': 'HEADERSECRET' },
  },
]

describe('splitting a connection into public fields and secrets', () => {
  it('puts every field the provider marks secret into the vault and keeps the rest public', () => {
    for (const connection of examples) {
      const { public: pub, secrets } = splitConnection(connection)
      const secretNames = secretFieldNames(connection.provider)
      for (const [name, value] of Object.entries(connection)) {
        if (secretNames.includes(name)) {
          expect(pub).not.toHaveProperty(name)
          expect(secrets[name]).toBe(typeof value === 'string' ? value : JSON.stringify(value))
        } else {
          expect(pub[name]).toEqual(value)
        }
      }
      expect(JSON.stringify(pub)).not.toMatch(
        /OPENAI|ANTHROPIC|AZUREKEY|SECRET|TOKEN|GEMINI|VERTEX|COMPAT/,
      )
      expect(mergeConnection(pub, secrets)).toEqual(connection)
    }
  })

  it('lists the secret fields of every provider from the provider library', () => {
    for (const info of providers) {
      const names = secretFieldNames(info.id)
      expect(names.length).toBeGreaterThan(0)
      for (const field of info.fields)
        expect(names.includes(field.name)).toBe(field.secret === true)
    }
    expect(secretFieldNames('bedrock')).toEqual(['secretAccessKey', 'sessionToken', 'apiKey'])
    expect(secretFieldNames('openai-compatible')).toEqual(['apiKey', 'headers'])
  })

  it('keeps custom headers and unknown fields out of the public part, and drops empty values', () => {
    const odd = {
      provider: 'openai-compatible',
      baseURL: 'http://h/v1',
      apiKey: '',
      headers: { Authorization: 'Bearer HEADER' },
      futureToken: 'FUTURE',
    } as unknown as Connection
    const { public: pub, secrets } = splitConnection(odd)
    expect(pub).toEqual({ provider: 'openai-compatible', baseURL: 'http://h/v1' })
    expect(secrets).toEqual({ headers: '{"Authorization":"Bearer HEADER"}', futureToken: 'FUTURE' })
    expect(mergeConnection(pub, secrets)).toMatchObject({
      headers: { Authorization: 'Bearer HEADER' },
    })
  })

  it('refuses unknown providers and non-text unknown fields', () => {
    expect(() => splitConnection({ provider: 'nope' } as unknown as Connection)).toThrow(
      /Unknown provider/,
    )
    const bad = { provider: 'openai', apiKey: 'k', extra: { a: 1 } } as unknown as Connection
    expect(() => splitConnection(bad)).toThrow(/"extra".*not text/)
  })

  it('never lets a secret override the provider when merging', () => {
    const merged = mergeConnection({ provider: 'openai' }, { apiKey: 'k', provider: 'anthropic' })
    expect(merged.provider).toBe('openai')
  })
})
