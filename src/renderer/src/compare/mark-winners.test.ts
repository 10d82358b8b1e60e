import { describe, expect, it } from 'vitest'
import { markWinners } from './mark-winners'

describe('markWinners', () => {
  it('marks the fastest first token, fastest total and cheapest among finished runs', () => {
    const marks = markWinners([
      { id: 'a', status: 'done', ttftMs: 300, totalMs: 2000, costUsd: 0.01 },
      { id: 'b', status: 'done', ttftMs: 150, totalMs: 2500, costUsd: null },
      { id: 'c', status: 'done', ttftMs: 400, totalMs: 1800, costUsd: 0.002 },
      { id: 'd', status: 'error', ttftMs: 10, totalMs: 20, costUsd: 0 },
    ])
    expect(marks).toEqual({ fastestFirstToken: 'b', fastestTotal: 'c', cheapest: 'c' })
  })

  it('marks nothing with fewer than two finished runs', () => {
    expect(markWinners([{ id: 'a', status: 'done', ttftMs: 1, totalMs: 2, costUsd: 3 }])).toEqual(
      {},
    )
  })
})
