import type { ProviderId } from '@parallax/llm'
import type { HistoryStore } from '../history'
import { priceOf } from '../runs/run-metrics'
import type { EstimateInput, TargetEstimate } from '../../shared/estimate-schemas'
import { createEstimator } from './create-estimator'
import type { InputTokenEstimator } from './input-token-estimator'
import { planEstimate } from './plan-estimate'

export interface EstimateServiceDeps {
  history: Pick<HistoryStore, 'getConversation'>
  /** The provider of a saved connection; refuses (not_found) an unknown one. */
  providerOf: (connectionId: string) => ProviderId
  /** Default: the heuristic for every provider. */
  estimator?: InputTokenEstimator
}

export interface EstimateService {
  estimate(input: EstimateInput): Promise<{ targets: TargetEstimate[] }>
}

/** The ≈ input tokens and cost of a prompt being typed, per target, over the whole request. */
export function createEstimateService(deps: EstimateServiceDeps): EstimateService {
  const estimator = deps.estimator ?? createEstimator()
  return {
    async estimate(input) {
      const detail = input.conversationId
        ? deps.history.getConversation(input.conversationId)
        : null
      const planned = planEstimate(input, detail, deps.providerOf)
      const targets = await Promise.all(
        planned.map(async ({ target, request }): Promise<TargetEstimate> => {
          const counted = await estimator.estimate(request, target)
          const price = priceOf(target.provider, target.model)
          return {
            connectionId: target.connectionId,
            model: target.model,
            tokens: counted.tokens,
            exact: counted.exact,
            method: counted.method,
            costUsd: price ? roundUsd((counted.tokens * price.inputPerMTok) / 1_000_000) : null,
          }
        }),
      )
      return { targets }
    },
  }
}

/** To a hundred-millionth of a dollar, as run costs are kept. */
function roundUsd(usd: number): number {
  return Math.round(usd * 1e8) / 1e8
}
