import { startGoogleFake } from '../fakes/google/google-fake'
import { runContractSuite } from './contract-suite'

runContractSuite({
  provider: 'gemini',
  model: 'gemini-2.5-flash',
  reasoningModel: 'gemini-2.5-pro',
  unsupportedParameter: {
    model: 'gemini-2.5-flash',
    request: { presence_penalty: 0.5 },
    parameter: 'presence_penalty',
  },
  async start() {
    const fake = await startGoogleFake()
    return {
      fake,
      connection: { provider: 'gemini', apiKey: fake.apiKey, baseURL: fake.url },
      secrets: [fake.apiKey],
      badConnection: {
        provider: 'gemini',
        apiKey: 'AIzaSyBadKeyBadKeyBadKeyBadKeyBadKey0',
        baseURL: fake.url,
      },
      close: () => fake.close(),
    }
  },
})
