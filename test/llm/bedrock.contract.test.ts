import type { BedrockConnection } from '../../packages/llm/src/types'
import {
  FAKE_BEDROCK_CREDENTIALS,
  FAKE_BEDROCK_SESSION,
  startBedrockFake,
} from '../fakes/bedrock/bedrock-fake'
import { runContractSuite } from './contract-suite'

const MODEL = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0'

runContractSuite({
  provider: 'bedrock',
  model: MODEL,
  reasoningModel: MODEL,
  unsupportedParameter: {
    model: 'us.amazon.nova-lite-v1:0',
    request: { seed: 7 },
    parameter: 'seed',
  },
  async start() {
    const fake = await startBedrockFake({ region: 'eu-central-1' })
    const connection: BedrockConnection = {
      provider: 'bedrock',
      region: 'eu-central-1',
      endpoint: fake.url,
      ...FAKE_BEDROCK_SESSION,
    }
    return {
      fake,
      connection,
      secrets: [FAKE_BEDROCK_SESSION.secretAccessKey, FAKE_BEDROCK_SESSION.sessionToken ?? ''],
      badConnection: {
        ...connection,
        secretAccessKey: FAKE_BEDROCK_CREDENTIALS.secretAccessKey.replace(
          'ParallaxTest',
          'WrongSecret0',
        ),
      },
      close: () => fake.close(),
    }
  },
})
