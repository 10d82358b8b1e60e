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

export interface Marks {
  fastestFirstToken?: string
  fastestTotal?: string
  cheapest?: string
}

/** Which finished run had the fastest first token, the fastest total, the lowest cost. */
export function markWinners(
  runs: readonly {
    id: string
    status: string
    ttftMs: number | null
    totalMs: number | null
    costUsd: number | null
  }[],
): Marks {
  const finished = runs.filter((run) => run.status === 'done')
  if (finished.length < 2) return {}
  const best = (value: (run: (typeof finished)[number]) => number | null) => {
    let winner: string | undefined
    let lowest = Infinity
    for (const run of finished) {
      const v = value(run)
      if (v !== null && v < lowest) {
        lowest = v
        winner = run.id
      }
    }
    return winner
  }
  const marks: Marks = {}
  const ttft = best((run) => run.ttftMs)
  const total = best((run) => run.totalMs)
  const cheap = best((run) => run.costUsd)
  if (ttft) marks.fastestFirstToken = ttft
  if (total) marks.fastestTotal = total
  if (cheap) marks.cheapest = cheap
  return marks
}
