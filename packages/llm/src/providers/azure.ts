import azureCatalog from '../catalog/azure.json'
import type { ProviderPlugin } from '../provider-plugin'
import { createAzureClient } from './openai/create-openai-client'
import { createOpenAIPlugin } from './openai/openai-plugin'

export const azurePlugin: ProviderPlugin<'azure'> = createOpenAIPlugin({
  id: 'azure',
  createClient: createAzureClient,
  // A data-plane key cannot list a resource's deployments (that takes the management API and
  // Entra ID), so the catalog's model names are offered as suggestions: deployments are
  // usually named after their model.
  listModels: async () =>
    azureCatalog.models.map((model) => ({ id: model.id, label: model.label, suggestion: true })),
})
