import { describe, expect, it } from 'vitest'
import { niceScale } from './chart-scale'
import { localDayKey, usageRange } from './usage-range'
import { buildDailyStacks, summarizeByModel } from './usage-series'
import { usageRow } from '../test-support/usage-row'

describe('usageRange', () => {
  it('covers the last n local days up to the end of today', () => {
    const range = usageRange(7, new Date(2025, 2, 3, 15, 30))
    expect(range.days).toEqual([
      '2025-02-25',
      '2025-02-26',
      '2025-02-27',
      '2025-02-28',
      '2025-03-01',
      '2025-03-02',
      '2025-03-03',
    ])
    expect(range.from).toBe(new Date(2025, 1, 25).getTime())
    expect(range.to).toBe(new Date(2025, 2, 4).getTime())
    expect(localDayKey(new Date(2025, 0, 9, 23, 59))).toBe('2025-01-09')
  })
})

describe('buildDailyStacks', () => {
  const rows = [
    usageRow({ day: '2025-03-01', costUsd: 0.02 }),
    usageRow({ day: '2025-03-01', connectionId: 'c2', costUsd: 0.03 }),
    usageRow({ day: '2025-03-02', provider: 'anthropic', model: 'claude', costUsd: 0.5 }),
    usageRow({ day: '2025-03-02', costUsd: null, tokensIn: 10, tokensOut: 5 }),
  ]

  it('stacks each day by provider·model, biggest series first, zero on idle days', () => {
    const stacks = buildDailyStacks(rows, ['2025-02-28', '2025-03-01', '2025-03-02'], 'cost')
    expect(stacks.series.map((s) => s.model)).toEqual(['claude', 'gpt-5'])
    expect(stacks.days.map((d) => d.values)).toEqual([
      [0, 0],
      [0, 0.05],
      [0.5, 0],
    ])
    expect(stacks.max).toBe(0.5)
    expect(stacks.total).toBeCloseTo(0.55)
  })

  it('counts tokens in and out for the token view', () => {
    const stacks = buildDailyStacks(rows, ['2025-03-01', '2025-03-02'], 'tokens')
    expect(stacks.series.map((s) => s.model)).toEqual(['gpt-5', 'claude'])
    expect(stacks.days.map((d) => d.total)).toEqual([300, 165])
  })
})

describe('summarizeByModel', () => {
  it('adds up every day and connection of a model and keeps an unknown cost as null', () => {
    const summary = summarizeByModel([
      usageRow({ requests: 2, errors: 1, costUsd: 0.1, costEstimated: true }),
      usageRow({ day: '2025-03-02', connectionId: 'c2', requests: 3, costUsd: 0.2 }),
      usageRow({ model: 'local', costUsd: null, requests: 9 }),
    ])
    expect(summary).toEqual([
      expect.objectContaining({ model: 'gpt-5', requests: 5, errors: 1, costEstimated: true }),
      expect.objectContaining({ model: 'local', requests: 9, costUsd: null }),
    ])
    expect(summary[0]?.costUsd).toBeCloseTo(0.3)
  })
})

describe('niceScale', () => {
  it('rounds the top of the axis up to a readable step', () => {
    expect(niceScale(0.55)).toEqual({ max: 0.6, ticks: [0, 0.2, 0.4, 0.6] })
    expect(niceScale(300)).toEqual({ max: 300, ticks: [0, 100, 200, 300] })
    expect(niceScale(8_700)).toEqual({ max: 10_000, ticks: [0, 2_500, 5_000, 7_500, 10_000] })
    expect(niceScale(0)).toEqual({ max: 1, ticks: [0, 1] })
  })
})
