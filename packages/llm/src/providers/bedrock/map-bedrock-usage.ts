import type { TokenUsage } from '@aws-sdk/client-bedrock-runtime'
import type { Usage } from '../../types'

/**
 * Bedrock's inputTokens leave out cache reads and writes (its totalTokens includes them);
 * OpenAI's prompt_tokens count every input token, with the cached part in the details.
 */
export function mapBedrockUsage(usage: TokenUsage | undefined): Usage {
  const input = usage?.inputTokens ?? 0
  const output = usage?.outputTokens ?? 0
  const cacheRead = usage?.cacheReadInputTokens
  const cacheWrite = usage?.cacheWriteInputTokens
  const prompt = input + (cacheRead ?? 0) + (cacheWrite ?? 0)
  const mapped: Usage = {
    prompt_tokens: prompt,
    completion_tokens: output,
    total_tokens: usage?.totalTokens ?? prompt + output,
  }
  if (cacheRead !== undefined || cacheWrite !== undefined) {
    mapped.prompt_tokens_details = {
      cached_tokens: cacheRead ?? 0,
      ...(cacheWrite ? { cache_write_tokens: cacheWrite } : {}),
    }
  }
  return mapped
}
