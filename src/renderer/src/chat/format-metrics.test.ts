import { describe, expect, it } from 'vitest'
import { formatCount, formatRate, formatSeconds, formatUsd } from './format-metrics'

describe('metric formatting', () => {
  it('formats seconds, rates and counts, with a dash for unknown', () => {
    expect(formatSeconds(420, 'en')).toBe('0.42 s')
    expect(formatSeconds(12_345, 'en')).toBe('12.3 s')
    expect(formatSeconds(null, 'en')).toBe('—')
    expect(formatRate(87.25, 'en')).toBe('87.3')
    expect(formatRate(1234.5, 'en')).toBe('1,235')
    expect(formatCount(12000, 'ko')).toBe('12,000')
    expect(formatCount(undefined, 'en')).toBe('—')
  })

  it('keeps small costs readable', () => {
    expect(formatUsd(0.000042, 'en')).toBe('$0.000042')
    expect(formatUsd(0.0123, 'en')).toBe('$0.0123')
    expect(formatUsd(3.5, 'en')).toBe('$3.50')
    expect(formatUsd(0, 'en')).toBe('$0.00')
    expect(formatUsd(null, 'en')).toBe('—')
  })
})
