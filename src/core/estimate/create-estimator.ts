import type { ProviderId } from '@parallax/llm'
import { heuristicEstimator } from './heuristic-estimator'
import type { InputTokenEstimator } from './input-token-estimator'

export interface EstimatorOptions {
  /**
   * Exact counters by provider (a token-counting endpoint). None are wired today; one that
   * fails (no network, no key, a refusal) falls back to the heuristic for that request.
   */
  exact?: Partial<Record<ProviderId, InputTokenEstimator>>
  fallback?: InputTokenEstimator
}

/** One estimator for every target: the provider's exact counter when given, else the heuristic. */
export function createEstimator(options: EstimatorOptions = {}): InputTokenEstimator {
  const fallback = options.fallback ?? heuristicEstimator
  return {
    async estimate(request, target) {
      const exact = options.exact?.[target.provider]
      if (exact) {
        try {
          return await exact.estimate(request, target)
        } catch {
          // An estimate is advisory: a failed count falls back rather than refusing.
        }
      }
      return fallback.estimate(request, target)
    },
  }
}
