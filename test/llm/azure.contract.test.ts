import type { AzureConnection } from '../../packages/llm/src/types'
import { OPENAI_FAKE_DEFAULTS, startOpenAIFake } from '../fakes/openai/openai-fake'
import { runContractSuite } from './contract-suite'

for (const apiVersion of [undefined, '2024-10-21']) {
  runContractSuite({
    provider: 'azure',
    label: `azure (api-version ${apiVersion ?? 'v1'})`,
    model: 'gpt-4.1-mini',
    imagesAsDataUrl: true,
    unsupportedParameter: { model: 'o4-mini', request: { top_p: 0.5 }, parameter: 'top_p' },
    async start() {
      const fake = await startOpenAIFake()
      const connection: AzureConnection = {
        provider: 'azure',
        endpoint: fake.url,
        apiKey: OPENAI_FAKE_DEFAULTS.azureKey,
        ...(apiVersion ? { apiVersion } : {}),
      }
      return {
        fake,
        connection,
        secrets: [OPENAI_FAKE_DEFAULTS.azureKey],
        badConnection: { ...connection, apiKey: 'fedcba9876543210fedcba9876543210' },
        close: () => fake.close(),
      }
    },
  })
}
