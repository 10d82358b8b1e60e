import type { FakeScript } from './fake-script'

/** One answer token with its log probability and the most likely alternatives. */
export interface FakeTokenLogprob {
  token: string
  logprob: number
  top?: { token: string; logprob: number }[]
}

/**
 * What a script says about its answer beyond the text; each fake renders it in its provider's
 * own wire format (a fact a provider has no field for is left out).
 */
export interface FakeFacts {
  /** The provider's own finish reason, sent as it is instead of the one `finishReason` implies. */
  providerFinishReason?: string
  /** The answer's tokens (OpenAI `logprobs.content`, Gemini `logprobsResult`), one per text entry. */
  logprobs?: FakeTokenLogprob[]
  /**
   * Web sources of the whole answer text: OpenAI `url_citation` annotations, Anthropic
   * `web_search_result_location` citations, Gemini `groundingMetadata`.
   */
  citations?: { url: string; title: string }[]
  /** Gemini `safetyRatings` of the answer. */
  safetyRatings?: { category: string; probability: string; blocked?: boolean }[]
  /** The model's refusal text (OpenAI `message.refusal` / `delta.refusal`). */
  refusal?: string
}

/** The scripted provider finish reason, or `fallback` (the fake's own mapping of finishReason). */
export function wireFinishOf(script: FakeScript, fallback: string): string {
  return script.facts?.providerFinishReason ?? fallback
}
