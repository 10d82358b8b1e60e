import { startAnthropicFake } from '../fakes/anthropic'
import { runContractSuite } from './contract-suite'

const WRONG_KEY = 'sk-ant-api03-wrong0KEY0that0the0fake0refuses0q9w8e7-ZzYyXxAA'

runContractSuite({
  provider: 'anthropic',
  model: 'claude-sonnet-5-5',
  // Takes a manual thinking budget (thinking_budget), which the contract suite sends.
  reasoningModel: 'claude-sonnet-4-6',
  unsupportedParameter: {
    model: 'claude-sonnet-5-5',
    request: { temperature: 0.5 },
    parameter: 'temperature',
  },
  async start() {
    const fake = await startAnthropicFake()
    const connection = { provider: 'anthropic' as const, apiKey: fake.apiKey, baseURL: fake.url }
    return {
      fake,
      connection,
      secrets: [fake.apiKey],
      badConnection: { ...connection, apiKey: WRONG_KEY },
      close: () => fake.close(),
    }
  },
})
