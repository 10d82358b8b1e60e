/** What the fake's ListFoundationModels / ListInferenceProfiles answer (a small, real-shaped list). */

const REGION_ACCOUNT = '123456789012'

interface FakeFoundationModel {
  modelId: string
  modelName: string
  providerName: string
  inputModalities: string[]
  inferenceTypesSupported: string[]
}

const FOUNDATION_MODELS: FakeFoundationModel[] = [
  {
    modelId: 'anthropic.claude-sonnet-4-5-20250929-v1:0',
    modelName: 'Claude Sonnet 4.5',
    providerName: 'Anthropic',
    inputModalities: ['TEXT', 'IMAGE'],
    inferenceTypesSupported: ['INFERENCE_PROFILE'],
  },
  {
    modelId: 'anthropic.claude-haiku-4-5-20251001-v1:0',
    modelName: 'Claude Haiku 4.5',
    providerName: 'Anthropic',
    inputModalities: ['TEXT', 'IMAGE'],
    inferenceTypesSupported: ['INFERENCE_PROFILE'],
  },
  {
    modelId: 'amazon.nova-lite-v1:0',
    modelName: 'Nova Lite',
    providerName: 'Amazon',
    inputModalities: ['TEXT', 'IMAGE', 'VIDEO'],
    inferenceTypesSupported: ['ON_DEMAND', 'INFERENCE_PROFILE'],
  },
  {
    modelId: 'amazon.nova-micro-v1:0',
    modelName: 'Nova Micro',
    providerName: 'Amazon',
    inputModalities: ['TEXT'],
    inferenceTypesSupported: ['ON_DEMAND', 'INFERENCE_PROFILE'],
  },
  {
    modelId: 'meta.llama3-3-70b-instruct-v1:0',
    modelName: 'Llama 3.3 70B Instruct',
    providerName: 'Meta',
    inputModalities: ['TEXT'],
    inferenceTypesSupported: ['INFERENCE_PROFILE'],
  },
  {
    modelId: 'openai.gpt-oss-120b-1:0',
    modelName: 'gpt-oss-120b',
    providerName: 'OpenAI',
    inputModalities: ['TEXT'],
    inferenceTypesSupported: ['ON_DEMAND'],
  },
  {
    modelId: 'amazon.titan-embed-text-v2:0',
    modelName: 'Titan Text Embeddings V2',
    providerName: 'Amazon',
    inputModalities: ['TEXT'],
    inferenceTypesSupported: ['ON_DEMAND'],
  },
]

export function foundationModelsBody(region: string, byOutputModality?: string): unknown {
  const models = FOUNDATION_MODELS.filter(
    (m) => !byOutputModality || byOutputModality !== 'TEXT' || !m.modelId.includes('embed'),
  ).map((m) => ({
    modelArn: `arn:aws:bedrock:${region}::foundation-model/${m.modelId}`,
    modelId: m.modelId,
    modelName: m.modelName,
    providerName: m.providerName,
    inputModalities: m.inputModalities,
    outputModalities: m.modelId.includes('embed') ? ['EMBEDDING'] : ['TEXT'],
    responseStreamingSupported: !m.modelId.includes('embed'),
    customizationsSupported: [],
    inferenceTypesSupported: m.inferenceTypesSupported,
    modelLifecycle: { status: 'ACTIVE' },
  }))
  return { modelSummaries: models }
}

const PROFILES = [
  {
    id: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
    name: 'US Claude Sonnet 4.5',
    model: 'anthropic.claude-sonnet-4-5-20250929-v1:0',
  },
  {
    id: 'global.anthropic.claude-sonnet-4-5-20250929-v1:0',
    name: 'Global Claude Sonnet 4.5',
    model: 'anthropic.claude-sonnet-4-5-20250929-v1:0',
  },
  {
    id: 'us.anthropic.claude-haiku-4-5-20251001-v1:0',
    name: 'US Claude Haiku 4.5',
    model: 'anthropic.claude-haiku-4-5-20251001-v1:0',
  },
  { id: 'us.amazon.nova-lite-v1:0', name: 'US Nova Lite', model: 'amazon.nova-lite-v1:0' },
  {
    id: 'us.meta.llama3-3-70b-instruct-v1:0',
    name: 'US Meta Llama 3.3 70B Instruct',
    model: 'meta.llama3-3-70b-instruct-v1:0',
  },
]

/** Pages of `maxResults` (default 2, so clients must follow nextToken). */
export function inferenceProfilesBody(region: string, maxResults = 2, nextToken?: string): unknown {
  const start = nextToken ? Number(Buffer.from(nextToken, 'base64').toString('utf8')) : 0
  const page = PROFILES.slice(start, start + maxResults)
  const next =
    start + maxResults < PROFILES.length
      ? Buffer.from(String(start + maxResults)).toString('base64')
      : undefined
  return {
    inferenceProfileSummaries: page.map((p) => ({
      inferenceProfileName: p.name,
      description: `Routes requests to ${p.name} across regions.`,
      createdAt: '2025-09-29T00:00:00Z',
      updatedAt: '2025-09-29T00:00:00Z',
      inferenceProfileArn: `arn:aws:bedrock:${region}:${REGION_ACCOUNT}:inference-profile/${p.id}`,
      models: [{ modelArn: `arn:aws:bedrock:${region}::foundation-model/${p.model}` }],
      inferenceProfileId: p.id,
      status: 'ACTIVE',
      type: 'SYSTEM_DEFINED',
    })),
    ...(next ? { nextToken: next } : {}),
  }
}
