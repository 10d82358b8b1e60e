import type { ProviderPlugin } from '../provider-plugin'
import { createOpenAIClient } from './openai/create-openai-client'
import { createOpenAIPlugin } from './openai/openai-plugin'
import { listOpenAIModels } from './openai/list-openai-models'

export const openaiPlugin: ProviderPlugin<'openai'> = createOpenAIPlugin({
  id: 'openai',
  createClient: createOpenAIClient,
  listModels: (client, _connection, ctx) => listOpenAIModels(client, ctx, { chatOnly: true }),
})
