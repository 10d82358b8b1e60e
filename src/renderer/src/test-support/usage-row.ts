import type { UsageRow } from '../usage/usage-series'

/** A usage.report row with plausible values; a test sets only what it is about. */
export function usageRow(overrides: Partial<UsageRow>): UsageRow {
  return {
    day: '2025-03-01',
    connectionId: 'c1',
    provider: 'openai',
    model: 'gpt-5',
    requests: 1,
    errors: 0,
    tokensIn: 100,
    tokensOut: 50,
    tokensReasoning: 0,
    tokensCached: 0,
    costUsd: 0.01,
    costEstimated: false,
    unpricedRequests: 0,
    ...overrides,
  }
}
