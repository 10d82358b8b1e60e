import type { ChatMessage } from '@parallax/llm'
import { estimateTokens } from '../runs/run-metrics'
import { readImageSizeBase64 } from './image-size'
import { imageRuleOf, imageTokens, type ImageRule } from './image-tokens'
import type {
  EstimateRequest,
  EstimateTarget,
  InputTokenEstimate,
  InputTokenEstimator,
} from './input-token-estimator'

/**
 * Tokens each message costs beyond its content (role and separators), and the tokens that prime
 * the reply once per request: OpenAI's published counting recipe for its chat models
 * (https://cookbook.openai.com/examples/how_to_count_tokens_with_tiktoken). Other providers
 * publish none; their role markers cost about the same.
 */
export const MESSAGE_OVERHEAD_TOKENS = 3
export const REPLY_PRIMING_TOKENS = 3

/**
 * Counts without a tokenizer: text by the run metrics' rule (about 4 characters a token, one
 * per CJK character), images by the target provider's image rule from their size, plus each
 * message's overhead and the tools' JSON.
 */
export const heuristicEstimator: InputTokenEstimator = {
  estimate(request: EstimateRequest, target: EstimateTarget): Promise<InputTokenEstimate> {
    return Promise.resolve({
      tokens: countRequest(request, imageRuleOf(target.provider, target.model)),
      exact: false,
      method: 'heuristic',
    })
  },
}

export function countRequest(request: EstimateRequest, rule: ImageRule): number {
  let tokens = REPLY_PRIMING_TOKENS
  for (const message of request.messages) tokens += countMessage(message, rule)
  if (request.tools?.length) tokens += estimateTokens(JSON.stringify(request.tools))
  return tokens
}

export function countMessage(message: ChatMessage, rule: ImageRule): number {
  let tokens = MESSAGE_OVERHEAD_TOKENS
  const content = message.content
  if (typeof content === 'string') tokens += estimateTokens(content)
  else if (content) {
    for (const part of content) {
      tokens +=
        part.type === 'text'
          ? estimateTokens(part.text)
          : imageTokens(rule, sizeOfImageUrl(part.image_url.url))
    }
  }
  if (message.role === 'assistant' && message.tool_calls?.length) {
    tokens += estimateTokens(JSON.stringify(message.tool_calls))
  }
  return tokens
}

/** The size of a data: URL's image; null for an https URL or unreadable bytes. */
function sizeOfImageUrl(url: string): ReturnType<typeof readImageSizeBase64> {
  const comma = url.indexOf(',')
  if (!url.startsWith('data:') || comma < 0) return null
  return readImageSizeBase64(url.slice(comma + 1))
}
