/** Which finished runs of a comparison turn win on first token, total time and cost. */
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
