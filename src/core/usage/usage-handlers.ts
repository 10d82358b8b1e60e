import type { DatabaseSync } from 'node:sqlite'
import type { Handlers } from '../../shared/dispatch'
import { queryUsage } from './usage-report'

/** Requests, tokens and cost over a time range, from the runs in the history database. */
export function createUsageHandlers(db: DatabaseSync): Pick<Handlers, 'usage.report'> {
  return {
    'usage.report': (input) => queryUsage(db, input),
  }
}
