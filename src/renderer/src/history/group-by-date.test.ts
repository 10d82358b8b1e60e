import { describe, expect, it } from 'vitest'
import { formatMonth, groupByDate } from './group-by-date'

const NOW = new Date(2026, 3, 15, 9, 30).getTime() // 15 April 2026, 09:30 local time
const HOUR = 3_600_000
const DAY = 24 * HOUR

function item(id: string, updatedAt: number, pinned = false) {
  return { id, updatedAt, pinned }
}

function summary(groups: ReturnType<typeof groupByDate<ReturnType<typeof item>>>) {
  return groups.map((group) => [group.id, group.items.map((i) => i.id)])
}

describe('groupByDate', () => {
  it('puts pinned first, then recent buckets, then months newest first', () => {
    const groups = groupByDate(
      [
        item('pinned-old', new Date(2025, 0, 3).getTime(), true),
        item('early-today', new Date(2026, 3, 15, 0, 5).getTime()),
        item('late-yesterday', new Date(2026, 3, 14, 23, 55).getTime()),
        item('three-days', NOW - 3 * DAY),
        item('twelve-days', NOW - 12 * DAY),
        item('february', new Date(2026, 1, 20).getTime()),
        item('march-2025', new Date(2025, 2, 1).getTime()),
        item('february-2', new Date(2026, 1, 2).getTime()),
      ],
      NOW,
    )
    expect(summary(groups)).toEqual([
      ['pinned', ['pinned-old']],
      ['today', ['early-today']],
      ['yesterday', ['late-yesterday']],
      ['previous7', ['three-days']],
      ['previous30', ['twelve-days']],
      ['month-2026-02', ['february', 'february-2']],
      ['month-2025-03', ['march-2025']],
    ])
    expect(groups[5]?.monthStart).toBe(new Date(2026, 1, 1).getTime())
  })

  it('uses calendar days: midnight starts today, 7 and 30 days back are the edges', () => {
    const midnight = new Date(2026, 3, 15).getTime()
    const groups = groupByDate(
      [
        item('midnight', midnight),
        item('just-before-midnight', midnight - 1),
        item('seven-days', new Date(2026, 3, 8).getTime()),
        item('eight-days', new Date(2026, 3, 8).getTime() - 1),
        item('thirty-days', new Date(2026, 2, 16).getTime()),
        item('thirty-one-days', new Date(2026, 2, 16).getTime() - 1),
        item('future', NOW + 5 * HOUR),
      ],
      NOW,
    )
    expect(summary(groups)).toEqual([
      ['today', ['midnight', 'future']],
      ['yesterday', ['just-before-midnight']],
      ['previous7', ['seven-days']],
      ['previous30', ['eight-days', 'thirty-days']],
      ['month-2026-03', ['thirty-one-days']],
    ])
  })

  it('returns no groups for no items', () => {
    expect(groupByDate([], NOW)).toEqual([])
  })
})

describe('formatMonth', () => {
  it('names the month in the given language', () => {
    const march = new Date(2026, 2, 1).getTime()
    expect(formatMonth(march, 'en')).toBe('March 2026')
    expect(formatMonth(march, 'ko')).toBe('2026년 3월')
  })
})
