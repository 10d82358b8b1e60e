import type { OpenAIConnection } from '../../packages/llm/src/types'
import { OPENAI_FAKE_DEFAULTS, startOpenAIFake } from '../fakes/openai/openai-fake'
import { runContractSuite } from './contract-suite'

runContractSuite({
  provider: 'openai',
  model: 'gpt-4.1-mini',
  imagesAsDataUrl: true,
  unsupportedParameter: {
    model: 'o4-mini',
    request: { temperature: 0.2 },
    parameter: 'temperature',
  },
  async start() {
    const fake = await startOpenAIFake()
    const connection: OpenAIConnection = {
      provider: 'openai',
      apiKey: OPENAI_FAKE_DEFAULTS.openaiKey,
      baseURL: `${fake.url}/v1`,
      organization: 'org-fake',
      project: 'proj_fake',
    }
    return {
      fake,
      connection,
      secrets: [OPENAI_FAKE_DEFAULTS.openaiKey],
      badConnection: {
        ...connection,
        apiKey: 'sk-proj-wrongKey0123456789abcdefghijklmnopqrstuvwxyz',
      },
      close: () => fake.close(),
    }
  },
})
