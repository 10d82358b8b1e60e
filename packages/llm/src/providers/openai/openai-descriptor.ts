import type { ProviderDescriptor } from '../../provider-plugin'
import { openaiParameterRules } from './openai-parameter-rules'
import { openaiFieldRules } from './openai-field-rules'

export const openaiDescriptor: ProviderDescriptor<'openai'> = {
  id: 'openai',
  info: {
    id: 'openai',
    label: 'OpenAI',
    fields: [
      {
        name: 'apiKey',
        label: 'API key',
        secret: true,
        required: true,
        placeholder: 'sk-proj-…',
        help: 'Create a key on the OpenAI platform under API keys. Project keys start with sk-proj-.',
      },
      {
        name: 'organization',
        label: 'Organization ID',
        placeholder: 'org-…',
        help: 'Optional. Only when your key belongs to several organizations; sent as OpenAI-Organization.',
      },
      {
        name: 'project',
        label: 'Project ID',
        placeholder: 'proj_…',
        help: 'Optional. Bills the calls to this project; sent as OpenAI-Project.',
      },
      {
        name: 'baseURL',
        label: 'Base URL',
        placeholder: 'https://api.openai.com/v1',
        help: 'Optional. Only for a proxy or a regional endpoint; defaults to https://api.openai.com/v1.',
      },
    ],
    docsUrl: 'https://platform.openai.com/docs/api-reference/chat',
    keysUrl: 'https://platform.openai.com/api-keys',
  },
  parameterRules: (model) => openaiParameterRules(model, 'OpenAI'),
  fieldRules: (model) => openaiFieldRules(model, 'OpenAI'),
}
