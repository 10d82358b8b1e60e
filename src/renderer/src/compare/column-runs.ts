import { newColumn, type Column } from '../chat/column-key'
import type { RunParameters } from '../models/run-parameters'
import type { Run } from '../chat/conversation-thread'

/** A comparison column in one turn: its runs (the first answer, then regenerated ones), oldest first. */
export interface ColumnRuns {
  key: string
  runs: Run[]
}

/** Which column a run answers in: its connection, model and parameters (as the core groups them). */
export function columnKeyOf(run: Pick<Run, 'connectionId' | 'model' | 'parameters'>): string {
  return JSON.stringify([run.connectionId, run.model, run.parameters])
}

/** A turn's runs grouped by column, in the order the columns first answered. */
export function groupColumns(runs: readonly Run[]): ColumnRuns[] {
  const columns = new Map<string, Run[]>()
  for (const run of runs) {
    const key = columnKeyOf(run)
    const list = columns.get(key) ?? []
    list.push(run)
    columns.set(key, list)
  }
  return [...columns].map(([key, list]) => ({ key, runs: list }))
}

/** The columns a comparison's next prompt goes to: those of its latest turn, one per column. */
export function columnsOfTurn(runs: readonly Run[]): Column[] {
  return groupColumns(runs).map(({ runs: [first] }) =>
    newColumn({
      key: (first as Run).id,
      connectionId: (first as Run).connectionId,
      model: (first as Run).model,
      parameters: (first as Run).parameters as RunParameters,
    }),
  )
}
