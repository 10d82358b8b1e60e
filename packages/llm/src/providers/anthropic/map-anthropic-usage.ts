import type { Usage } from '../../types'

/** The usage fields Anthropic reports (all optional: stream events carry parts of it). */
export interface AnthropicUsageLike {
  input_tokens?: number | null
  output_tokens?: number | null
  cache_read_input_tokens?: number | null
  cache_creation_input_tokens?: number | null
  output_tokens_details?: { thinking_tokens?: number | null } | null
}

/**
 * Anthropic counts cached and cache-written prompt tokens apart from `input_tokens`; OpenAI's
 * `prompt_tokens` is all of them, with the cached part in the details.
 */
export function mapAnthropicUsage(usage: AnthropicUsageLike): Usage {
  const cacheRead = usage.cache_read_input_tokens ?? 0
  const cacheWrite = usage.cache_creation_input_tokens ?? 0
  const prompt = (usage.input_tokens ?? 0) + cacheRead + cacheWrite
  const completion = usage.output_tokens ?? 0
  const reasoning = usage.output_tokens_details?.thinking_tokens
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    ...(cacheRead || cacheWrite
      ? {
          prompt_tokens_details: {
            cached_tokens: cacheRead,
            ...(cacheWrite ? { cache_write_tokens: cacheWrite } : {}),
          },
        }
      : {}),
    ...(reasoning !== undefined && reasoning !== null
      ? { completion_tokens_details: { reasoning_tokens: reasoning } }
      : {}),
  }
}

/** Stream events repeat some counts; later non-null values win. */
export function mergeAnthropicUsage(
  into: AnthropicUsageLike,
  from: AnthropicUsageLike | null | undefined,
): void {
  if (!from) return
  for (const key of [
    'input_tokens',
    'output_tokens',
    'cache_read_input_tokens',
    'cache_creation_input_tokens',
    'output_tokens_details',
  ] as const) {
    const value = from[key]
    if (value !== null && value !== undefined) (into as Record<string, unknown>)[key] = value
  }
}
