/**
 * Every provider the library speaks to: the one list `ProviderId`, the catalog schema, the
 * registry and the unknown-provider error are built from. Its order is the order of `providers`.
 */
export const PROVIDER_IDS = [
  'openai',
  'anthropic',
  'azure',
  'bedrock',
  'gemini',
  'vertex',
  'openai-compatible',
] as const
