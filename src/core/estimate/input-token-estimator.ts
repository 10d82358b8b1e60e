import type { ChatRequest, ProviderId } from '@parallax/llm'

/** The column a request goes to: its provider decides the counting rules. */
export interface EstimateTarget {
  provider: ProviderId
  model: string
}

/** The request as it will be sent: every message (system prompt, history, new prompt) and tools. */
export type EstimateRequest = Pick<ChatRequest, 'messages' | 'tools'>

export interface InputTokenEstimate {
  tokens: number
  /** True when a provider counted it (a token-counting endpoint), false for a heuristic. */
  exact: boolean
  /** How it was counted, e.g. `heuristic` or `anthropic.count_tokens`. */
  method: string
}

/**
 * Counts the input tokens a request will cost at one target. The heuristic counts every request
 * offline; a provider's token-counting endpoint (Anthropic `count_tokens`, Gemini `countTokens`,
 * Bedrock `CountTokens`) can implement this same interface and be given to `createEstimator` for
 * its provider (see docs/architecture.md, "The ≈ estimate").
 */
export interface InputTokenEstimator {
  estimate(request: EstimateRequest, target: EstimateTarget): Promise<InputTokenEstimate>
}
