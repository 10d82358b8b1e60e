export { createRunner } from './runner'
export type {
  CompareTarget,
  RerunInput,
  Runner,
  RunnerOptions,
  RunParameters,
  StartChatInput,
  StartComparisonInput,
  StartedChat,
  StartedGroup,
} from './runner-types'
export * from '../../shared/run-schemas'
export { computeRunFigures, costOf, estimateTokens, priceOf, type RunFigures } from './run-metrics'
export { MAX_TARGETS } from './plan-turn'
