import type { Usage } from '../../types'

interface WireUsage {
  prompt_tokens?: number | null
  completion_tokens?: number | null
  total_tokens?: number | null
  prompt_tokens_details?: { cached_tokens?: number | null } | null
  completion_tokens_details?: { reasoning_tokens?: number | null } | null
}

/** Keeps the counts and the cached / reasoning details where reported; drops cost and audio fields. */
export function mapOpenAIUsage(usage: WireUsage | null | undefined): Usage | undefined {
  if (!usage || typeof usage !== 'object') return undefined
  const prompt = usage.prompt_tokens ?? 0
  const completion = usage.completion_tokens ?? 0
  const out: Usage = {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: usage.total_tokens ?? prompt + completion,
  }
  const cached = usage.prompt_tokens_details?.cached_tokens
  if (typeof cached === 'number') out.prompt_tokens_details = { cached_tokens: cached }
  const reasoning = usage.completion_tokens_details?.reasoning_tokens
  if (typeof reasoning === 'number') out.completion_tokens_details = { reasoning_tokens: reasoning }
  return out
}
