/** Providers' credential fields (the host sends English; these let the form follow the language). */
export const providerFieldsEn = {
  'field.openai.apiKey.label': 'API key',
  'field.openai.apiKey.help':
    'Create a key on the OpenAI platform under API keys. Project keys start with sk-proj-.',
  'field.openai.organization.label': 'Organization ID',
  'field.openai.organization.help':
    'Optional. Only when your key belongs to several organizations; sent as OpenAI-Organization.',
  'field.openai.project.label': 'Project ID',
  'field.openai.project.help': 'Optional. Bills the calls to this project; sent as OpenAI-Project.',
  'field.openai.baseURL.label': 'Base URL',
  'field.openai.baseURL.help':
    'Optional. Only for a proxy or a regional endpoint; defaults to https://api.openai.com/v1.',
  'field.anthropic.apiKey.label': 'API key',
  'field.anthropic.apiKey.help':
    'Create a key in the Claude Console under Settings → API keys. It starts with sk-ant-.',
  'field.anthropic.baseURL.label': 'Base URL',
  'field.anthropic.baseURL.help':
    'Optional. Only for a proxy or gateway in front of the Anthropic API; defaults to https://api.anthropic.com.',
  'field.azure.endpoint.label': 'Endpoint',
  'field.azure.endpoint.help':
    'Your resource’s endpoint, from the Azure portal (Keys and Endpoint) or the Foundry portal. Use the deployment name as the model.',
  'field.azure.apiKey.label': 'API key',
  'field.azure.apiKey.help':
    'KEY 1 or KEY 2 of the same resource (Azure portal → your resource → Keys and Endpoint). Sent as the api-key header.',
  'field.azure.baseModels.label': 'Deployment models',
  'field.azure.baseModels.help':
    'Optional. Which model each deployment serves, one per line (deployment = model), so that capabilities, prices and parameter rules follow the model. Filled in for a deployment once it has answered.',
  'field.azure.apiVersion.label': 'API version',
  'field.azure.apiVersion.help':
    'Optional. Leave empty for the current v1 API; or a dated version such as 2024-10-21 to use the older /openai/deployments/… API.',
  'field.bedrock.region.label': 'Region',
  'field.bedrock.region.help':
    'The AWS region to call, e.g. us-east-1. Model access is granted per region in the Bedrock console.',
  'field.bedrock.accessKeyId.label': 'Access key ID',
  'field.bedrock.accessKeyId.help':
    'An IAM access key (AKIA… or, with a session token, ASIA…). Leave empty when you use a Bedrock API key.',
  'field.bedrock.secretAccessKey.label': 'Secret access key',
  'field.bedrock.secretAccessKey.help': 'The secret that belongs to the access key ID.',
  'field.bedrock.sessionToken.label': 'Session token',
  'field.bedrock.sessionToken.help': 'Only for temporary credentials (ASIA… keys from STS or SSO).',
  'field.bedrock.apiKey.label': 'Bedrock API key',
  'field.bedrock.apiKey.help':
    'A Bedrock API key from the Bedrock console (API keys page), used instead of an access key pair.',
  'field.bedrock.endpoint.label': 'Endpoint override',
  'field.bedrock.endpoint.help':
    'Optional: a VPC endpoint or proxy URL instead of https://bedrock-runtime.<region>.amazonaws.com.',
  'field.gemini.apiKey.label': 'API key',
  'field.gemini.apiKey.help':
    'A Gemini API key from Google AI Studio (starts with "AIza"). It is sent in the x-goog-api-key header.',
  'field.gemini.baseURL.label': 'Base URL',
  'field.gemini.baseURL.help':
    'Optional. Overrides https://generativelanguage.googleapis.com (a proxy or gateway).',
  'field.vertex.project.label': 'Project ID',
  'field.vertex.project.help':
    'The Google Cloud project that has the Vertex AI API enabled. Defaults to the service account key’s project_id.',
  'field.vertex.location.label': 'Location',
  'field.vertex.location.help':
    'The region, e.g. us-central1 or europe-west4, or "global". Defaults to global.',
  'field.vertex.serviceAccountJson.label': 'Service account key (JSON)',
  'field.vertex.serviceAccountJson.help':
    'The JSON key file of a service account with the Vertex AI User role (IAM → Service accounts → Keys → Add key). Its token_uri is honoured.',
  'field.vertex.apiKey.label': 'API key (express mode)',
  'field.vertex.apiKey.help':
    'Instead of a service account: a Vertex AI express-mode API key (Vertex AI Studio → Get API key).',
  'field.vertex.baseURL.label': 'Base URL',
  'field.vertex.baseURL.help':
    'Optional. Overrides the regional endpoint, e.g. https://us-central1-aiplatform.googleapis.com (Private Service Connect, proxies).',
  'field.openai-compatible.baseURL.label': 'Base URL',
  'field.openai-compatible.baseURL.help':
    'The server’s OpenAI-style base URL, ending before /chat/completions: Ollama http://localhost:11434/v1, LM Studio http://localhost:1234/v1, OpenRouter https://openrouter.ai/api/v1, Groq https://api.groq.com/openai/v1.',
  'field.openai-compatible.apiKey.label': 'API key',
  'field.openai-compatible.apiKey.help':
    'Optional. Sent as a bearer token; local servers such as Ollama and LM Studio need none.',
} as const
