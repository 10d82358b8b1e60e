import type { ProviderId } from '@parallax/llm'
import type { MethodParsedInput } from '../../shared/contract'
import type { Handlers } from '../../shared/dispatch'
import type { EstimateService } from '../estimate/estimate-service'
import type { CompareTarget, Runner } from './runner-types'

type RunMethod =
  | 'runs.startChat'
  | 'runs.rerun'
  | 'runs.stop'
  | 'runs.retryNow'
  | 'runs.estimate'
  | 'compare.start'
  | 'compare.stop'

type ContractTarget = MethodParsedInput<'runs.rerun'>['targets'][number]

export interface RunHandlerDeps {
  runner: Runner
  /** The provider of a saved connection; refuses (not_found) an unknown one. */
  providerOf: (connectionId: string) => ProviderId
  /** The ≈ input tokens of a prompt being typed, per target. */
  estimates: EstimateService
}

/** Chat turns, reruns and comparisons: each started run streams its answer as run.* events. */
export function createRunHandlers({
  runner,
  providerOf,
  estimates,
}: RunHandlerDeps): Pick<Handlers, RunMethod> {
  const withProvider = (target: ContractTarget): CompareTarget => ({
    ...target,
    provider: providerOf(target.connectionId),
  })
  return {
    'runs.startChat': (input) =>
      runner.startChat({ ...input, provider: providerOf(input.connectionId) }),
    'runs.rerun': (input) => runner.rerun({ ...input, targets: input.targets.map(withProvider) }),
    'runs.stop': async ({ runId }) => ({ stopped: await runner.stop(runId) }),
    'runs.retryNow': ({ runId }) => ({ retried: runner.retryNow(runId) }),
    'runs.estimate': (input) => estimates.estimate(input),
    'compare.start': ({ targets, ...input }) =>
      runner.startComparison({
        ...input,
        ...(targets ? { targets: targets.map(withProvider) } : {}),
      }),
    'compare.stop': async ({ id }) => ({ stopped: await runner.stopComparison(id) }),
  }
}
