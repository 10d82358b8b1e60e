import type { ProviderPlugin } from '../provider-plugin'
import { createCompatibleClient } from './openai/create-openai-client'
import { createOpenAIPlugin } from './openai/openai-plugin'
import { listOpenAIModels } from './openai/list-openai-models'

export const openaiCompatiblePlugin: ProviderPlugin<'openai-compatible'> = createOpenAIPlugin({
  id: 'openai-compatible',
  createClient: createCompatibleClient,
  listModels: (client, _connection, ctx) => listOpenAIModels(client, ctx, { chatOnly: false }),
})
