import { describe, expect, it } from 'vitest'
import { trustDomainOf } from './trust-domain'

describe('trustDomainOf', () => {
  it('treats a provider’s official endpoints in any region or location as one domain', () => {
    expect(trustDomainOf('openai', {})).toBe('official:openai')
    expect(trustDomainOf('openai', { baseURL: 'https://api.openai.com/v1' })).toBe(
      'official:openai',
    )
    expect(trustDomainOf('anthropic', { baseURL: 'https://API.anthropic.com' })).toBe(
      'official:anthropic',
    )
    expect(trustDomainOf('gemini', { baseURL: '' })).toBe('official:gemini')
    expect(trustDomainOf('bedrock', { region: 'us-east-1' })).toBe(
      trustDomainOf('bedrock', { region: 'eu-west-3' }),
    )
    expect(
      trustDomainOf('bedrock', {
        region: 'eu-west-3',
        endpoint: 'https://bedrock-runtime.eu-west-3.amazonaws.com',
      }),
    ).toBe('official:bedrock')
    expect(trustDomainOf('vertex', { location: 'us-central1' })).toBe(
      trustDomainOf('vertex', { location: 'europe-west4', project: 'other' }),
    )
    expect(
      trustDomainOf('vertex', { baseURL: 'https://us-central1-aiplatform.googleapis.com' }),
    ).toBe('official:vertex')
  })

  it('makes each custom base URL or endpoint its own domain: its normalized origin', () => {
    expect(trustDomainOf('openai', { baseURL: 'https://Proxy.Example.com:443/v1' })).toBe(
      'https://proxy.example.com',
    )
    // Another path on the same origin is the same server.
    expect(trustDomainOf('openai-compatible', { baseURL: 'http://127.0.0.1:8080/v1' })).toBe(
      trustDomainOf('openai-compatible', { baseURL: 'http://127.0.0.1:8080/other' }),
    )
    // Another scheme, port or host is another server.
    const https = trustDomainOf('openai-compatible', { baseURL: 'https://127.0.0.1:8080/v1' })
    const port = trustDomainOf('openai-compatible', { baseURL: 'http://127.0.0.1:8081/v1' })
    const host = trustDomainOf('openai-compatible', { baseURL: 'http://localhost:8080/v1' })
    expect(new Set([https, port, host, 'http://127.0.0.1:8080']).size).toBe(4)
    // An official host over http or on another port is not the official endpoint.
    expect(trustDomainOf('openai', { baseURL: 'http://api.openai.com/v1' })).toBe(
      'http://api.openai.com',
    )
    expect(trustDomainOf('openai', { baseURL: 'https://api.openai.com:8443' })).toBe(
      'https://api.openai.com:8443',
    )
    // A look-alike is not official.
    expect(trustDomainOf('openai', { baseURL: 'https://api.openai.com.evil.test/v1' })).toBe(
      'https://api.openai.com.evil.test',
    )
    expect(
      trustDomainOf('bedrock', {
        endpoint: 'https://bedrock-runtime.us-east-1.amazonaws.com.x.io',
      }),
    ).toBe('https://bedrock-runtime.us-east-1.amazonaws.com.x.io')
    expect(trustDomainOf('azure', { endpoint: 'https://my-res.openai.azure.com/' })).toBe(
      'https://my-res.openai.azure.com',
    )
    expect(trustDomainOf('azure', { endpoint: 'https://other.openai.azure.com/' })).not.toBe(
      'https://my-res.openai.azure.com',
    )
  })
})
