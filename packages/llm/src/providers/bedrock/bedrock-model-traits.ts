/**
 * What a Bedrock model id says about the model. Light (no SDK import): the descriptor uses it
 * for parameter rules and the plugin for request fields.
 */

export type BedrockFamily =
  | 'claude'
  | 'nova'
  | 'nova2'
  | 'llama'
  | 'mistral'
  | 'deepseek-r1'
  | 'deepseek'
  | 'gpt-oss'
  | 'qwen'
  | 'other'

/** Geographic / global prefixes of system-defined cross-region inference profiles. */
const PROFILE_PREFIX = /^(?:us|eu|apac|global|us-gov|jp|au|ca|ap)\.(?=[a-z0-9-]+\.)/

/**
 * The foundation-model id behind a model id, inference-profile id (`us.anthropic.…`) or ARN
 * (`arn:aws:bedrock:…:foundation-model/…`, `…:inference-profile/us.…`).
 */
export function baseModelId(model: string): string {
  let id = model.trim()
  const arn =
    /^arn:aws[a-z-]*:bedrock:[^:]*:[^:]*:(?:foundation-model|inference-profile)\/(.+)$/.exec(id)
  if (arn?.[1]) id = arn[1]
  return id.replace(PROFILE_PREFIX, '')
}

export function familyOf(model: string): BedrockFamily {
  const id = baseModelId(model)
  if (id.startsWith('anthropic.')) return 'claude'
  if (id.startsWith('amazon.nova-2')) return 'nova2'
  if (id.startsWith('amazon.nova')) return 'nova'
  if (id.startsWith('meta.')) return 'llama'
  if (id.startsWith('mistral.')) return 'mistral'
  if (id.startsWith('deepseek.r1')) return 'deepseek-r1'
  if (id.startsWith('deepseek.')) return 'deepseek'
  if (id.startsWith('openai.gpt-oss')) return 'gpt-oss'
  if (id.startsWith('qwen.')) return 'qwen'
  return 'other'
}

/**
 * The Anthropic model id behind a Bedrock Claude id (`us.anthropic.claude-sonnet-4-5-20250929-v1:0`
 * → `claude-sonnet-4-5-20250929-v1:0`), whose traits (providers/claude) decide its rules; undefined
 * for other families.
 */
export function claudeIdOf(model: string): string | undefined {
  const id = baseModelId(model)
  return id.startsWith('anthropic.') ? id.slice('anthropic.'.length) : undefined
}

/** Models with Bedrock structured outputs (`outputConfig.textFormat`). */
export function hasStructuredOutput(model: string): boolean {
  const id = baseModelId(model)
  if (/^anthropic\.claude-(?:(?:sonnet|haiku|opus)-(?:4-[5-9]|5)|fable)/.test(id)) return true
  const family = familyOf(model)
  return family === 'gpt-oss' || family === 'deepseek' || family === 'qwen' || family === 'mistral'
}
