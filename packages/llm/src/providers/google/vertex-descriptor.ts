import type { ProviderDescriptor } from '../../provider-plugin'
import { bareModelId } from './google-model-traits'
import { googleParameterRules } from './google-parameter-rules'
import { googleFieldRules } from './google-field-rules'

export const vertexDescriptor: ProviderDescriptor<'vertex'> = {
  id: 'vertex',
  info: {
    id: 'vertex',
    label: 'Google Vertex AI',
    fields: [
      {
        name: 'project',
        label: 'Project ID',
        help: 'The Google Cloud project that has the Vertex AI API enabled. Defaults to the service account key’s project_id.',
        placeholder: 'my-project-123',
      },
      {
        name: 'location',
        label: 'Location',
        help: 'The region, e.g. us-central1 or europe-west4, or "global". Defaults to global.',
        placeholder: 'global',
      },
      {
        name: 'serviceAccountJson',
        label: 'Service account key (JSON)',
        secret: true,
        multiline: true,
        help: 'The JSON key file of a service account with the Vertex AI User role (IAM → Service accounts → Keys → Add key). Its token_uri is honoured.',
        placeholder: '{ "type": "service_account", … }',
      },
      {
        name: 'apiKey',
        label: 'API key (express mode)',
        secret: true,
        help: 'Instead of a service account: a Vertex AI express-mode API key (Vertex AI Studio → Get API key).',
      },
      {
        name: 'baseURL',
        label: 'Base URL',
        help: 'Optional. Overrides the regional endpoint, e.g. https://us-central1-aiplatform.googleapis.com (Private Service Connect, proxies).',
      },
    ],
    docsUrl: 'https://cloud.google.com/vertex-ai/generative-ai/docs',
    keysUrl: 'https://console.cloud.google.com/iam-admin/serviceaccounts',
  },
  parameterRules: googleParameterRules,
  fieldRules: () => googleFieldRules(),
  catalogId: bareModelId,
}
