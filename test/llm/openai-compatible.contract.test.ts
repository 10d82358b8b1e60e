import type { OpenAICompatibleConnection } from '../../packages/llm/src/types'
import { OPENAI_FAKE_DEFAULTS, startOpenAIFake } from '../fakes/openai/openai-fake'
import { runContractSuite } from './contract-suite'

runContractSuite({
  provider: 'openai-compatible',
  model: 'mistral-large-latest',
  imagesAsDataUrl: true,
  reasoningModel: 'deepseek-reasoner',
  reasoningRequest: {},
  unsupportedParameter: {
    model: 'deepseek-reasoner',
    request: { thinking_budget: 1024 },
    parameter: 'thinking_budget',
  },
  async start() {
    const fake = await startOpenAIFake()
    const connection: OpenAICompatibleConnection = {
      provider: 'openai-compatible',
      baseURL: `${fake.url}/compat/v1`,
      apiKey: OPENAI_FAKE_DEFAULTS.compatibleKey,
      headers: { 'X-Title': 'Parallax tests' },
    }
    return {
      fake,
      connection,
      secrets: [OPENAI_FAKE_DEFAULTS.compatibleKey],
      badConnection: { ...connection, apiKey: 'sk-or-v1-wrongcompatiblekey0123456789abcdef' },
      close: () => fake.close(),
    }
  },
})
