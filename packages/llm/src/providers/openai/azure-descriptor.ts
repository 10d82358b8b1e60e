import type { ProviderDescriptor } from '../../provider-plugin'
import { AZURE_DEFAULT_API_VERSION } from './azure-api-version'
import { openaiParameterRules } from './openai-parameter-rules'
import { azureBaseModel } from './azure-base-models'
import { openaiFieldRules } from './openai-field-rules'

export const azureDescriptor: ProviderDescriptor<'azure'> = {
  id: 'azure',
  info: {
    id: 'azure',
    label: 'Azure OpenAI',
    fields: [
      {
        name: 'endpoint',
        label: 'Endpoint',
        required: true,
        placeholder: 'https://my-resource.openai.azure.com',
        help: 'Your resource’s endpoint, from the Azure portal (Keys and Endpoint) or the Foundry portal. Use the deployment name as the model.',
      },
      {
        name: 'apiKey',
        label: 'API key',
        secret: true,
        required: true,
        help: 'KEY 1 or KEY 2 of the same resource (Azure portal → your resource → Keys and Endpoint). Sent as the api-key header.',
      },
      {
        name: 'baseModels',
        label: 'Deployment models',
        multiline: true,
        placeholder: 'my-deployment = gpt-5.2',
        help: 'Optional. Which model each deployment serves, one per line (deployment = model), so that capabilities, prices and parameter rules follow the model. Filled in for a deployment once it has answered.',
      },
      {
        name: 'apiVersion',
        label: 'API version',
        placeholder: AZURE_DEFAULT_API_VERSION,
        help: `Optional. Leave empty for the current v1 API; or a dated version such as 2024-10-21 to use the older /openai/deployments/… API.`,
      },
    ],
    docsUrl: 'https://learn.microsoft.com/azure/ai-foundry/openai/reference',
    keysUrl:
      'https://portal.azure.com/#view/Microsoft_Azure_ProjectOxford/CognitiveServicesHub/~/OpenAI',
  },
  parameterRules: (model) => openaiParameterRules(model, 'Azure OpenAI'),
  fieldRules: (model) => openaiFieldRules(model, 'Azure OpenAI'),
  baseModel: azureBaseModel,
  // Deployments are often named after the model with a version suffix (gpt-5.2_2025-12-11).
  catalogId: (model) => model.toLowerCase().replace(/[_-]\d{4}-\d{2}-\d{2}$/, ''),
}
