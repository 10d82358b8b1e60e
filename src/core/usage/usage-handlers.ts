import type { Handlers } from '../../shared/dispatch'
import type { UsageRepository } from './usage-repository'

/** Requests, tokens and cost over a time range, from the runs in the app database. */
export function createUsageHandlers(usage: UsageRepository): Pick<Handlers, 'usage.report'> {
  return {
    'usage.report': (input) => usage.report(input),
  }
}
