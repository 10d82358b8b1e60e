import type { RunParameters } from '../models/run-parameters'
import type { Run } from './conversation-thread'

/** One column of a comparison: a model on a connection with its own parameters. */
export interface Column {
  key: string
  connectionId: string | null
  model: string | null
  parameters: RunParameters
}

let counter = 0
export function newColumn(from?: Partial<Column>): Column {
  return {
    key: `col-${++counter}`,
    connectionId: null,
    model: null,
    parameters: {},
    ...from,
  }
}

/** The columns a comparison continues with: those of its latest turn, in their order. */
export function columnsOfRuns(runs: readonly Run[]): Column[] {
  return runs.map((run) =>
    newColumn({
      key: run.id,
      connectionId: run.connectionId,
      model: run.model,
      parameters: run.parameters as RunParameters,
    }),
  )
}
