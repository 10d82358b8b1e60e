import { startGoogleFake } from '../fakes/google/google-fake'
import { createTestServiceAccount } from '../fakes/google/service-account'
import { runContractSuite } from './contract-suite'

// A service account key whose token_uri points at the fake: the library signs a JWT, the fake's
// /token endpoint verifies it (RS256) and issues the access token the Vertex paths then require.
runContractSuite({
  provider: 'vertex',
  model: 'gemini-2.5-flash',
  reasoningModel: 'gemini-3-flash-preview',
  unsupportedParameter: {
    model: 'gemini-3-flash-preview',
    request: { frequency_penalty: 0.5 },
    parameter: 'frequency_penalty',
  },
  async start() {
    const fake = await startGoogleFake()
    // Same token_uri, but a key the fake does not trust: the exchange is refused.
    const stranger = createTestServiceAccount(fake.tokenUri)
    return {
      fake,
      connection: {
        provider: 'vertex',
        project: 'parallax-test',
        location: 'us-central1',
        serviceAccountJson: fake.serviceAccount.text,
        baseURL: fake.url,
      },
      get secrets() {
        return [
          fake.serviceAccount.privateKey,
          fake.serviceAccount.text,
          stranger.privateKey,
          ...fake.tokens.issued,
        ]
      },
      badConnection: {
        provider: 'vertex',
        project: 'parallax-test',
        location: 'us-central1',
        serviceAccountJson: stranger.text,
        baseURL: fake.url,
      },
      close: () => fake.close(),
    }
  },
})

// Express mode: an API key, publisher paths without a project.
runContractSuite({
  provider: 'vertex',
  model: 'gemini-3-flash-preview',
  async start() {
    const fake = await startGoogleFake()
    return {
      fake,
      connection: {
        provider: 'vertex',
        project: '',
        location: 'global',
        apiKey: fake.apiKey,
        baseURL: fake.url,
      },
      secrets: [fake.apiKey],
      badConnection: {
        provider: 'vertex',
        project: '',
        location: 'global',
        apiKey: 'AQ.Ab8RN6BadExpressKey000000000',
        baseURL: fake.url,
      },
      close: () => fake.close(),
    }
  },
})
