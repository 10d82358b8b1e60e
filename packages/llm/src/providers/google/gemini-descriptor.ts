import type { ProviderDescriptor } from '../../provider-plugin'
import { bareModelId } from './google-model-traits'
import { googleParameterRules } from './google-parameter-rules'
import { googleFieldRules } from './google-field-rules'

export const geminiDescriptor: ProviderDescriptor<'gemini'> = {
  id: 'gemini',
  info: {
    id: 'gemini',
    label: 'Google Gemini API',
    fields: [
      {
        name: 'apiKey',
        label: 'API key',
        secret: true,
        required: true,
        help: 'A Gemini API key from Google AI Studio (starts with "AIza"). It is sent in the x-goog-api-key header.',
        placeholder: 'AIza…',
      },
      {
        name: 'baseURL',
        label: 'Base URL',
        help: 'Optional. Overrides https://generativelanguage.googleapis.com (a proxy or gateway).',
        placeholder: 'https://generativelanguage.googleapis.com',
      },
    ],
    docsUrl: 'https://ai.google.dev/gemini-api/docs',
    keysUrl: 'https://aistudio.google.com/apikey',
  },
  parameterRules: googleParameterRules,
  fieldRules: () => googleFieldRules(),
  catalogId: bareModelId,
}
