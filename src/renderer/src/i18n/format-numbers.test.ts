import { describe, expect, it } from 'vitest'
import {
  formatApprox,
  formatCount,
  formatMoney,
  formatRate,
  formatSeconds,
  formatTokens,
} from './format-numbers'

describe('money in the UI language', () => {
  it('writes dollars the way each language does: "$" in English, "US$" in Korean', () => {
    expect(formatMoney(0.0042, 'en')).toBe('$0.0042')
    expect(formatMoney(0.0042, 'ko')).toBe('US$0.0042')
    expect(formatMoney(3.5, 'en')).toBe('$3.50')
    expect(formatMoney(3.5, 'ko')).toBe('US$3.50')
    expect(formatMoney(1234.5, 'ko')).toBe('US$1,234.50')
  })

  it('keeps small costs apart with two significant digits below a dollar', () => {
    expect(formatMoney(0.000042, 'en')).toBe('$0.000042')
    expect(formatMoney(0.0123, 'en')).toBe('$0.012')
    expect(formatMoney(0.075, 'en')).toBe('$0.075')
    expect(formatMoney(0.4, 'en')).toBe('$0.40')
    expect(formatMoney(0, 'en')).toBe('$0.00')
    expect(formatMoney(12.345, 'en')).toBe('$12.35')
    expect(formatMoney(0.000000001, 'en')).toBe('<$0.00000001')
  })
})

describe('units and approximations from the catalog', () => {
  it('writes seconds as " s" in English and "초" in Korean, with a dash for unknown', () => {
    expect(formatSeconds(420, 'en')).toBe('0.42 s')
    expect(formatSeconds(12_345, 'en')).toBe('12.3 s')
    expect(formatSeconds(420, 'ko')).toBe('0.42초')
    expect(formatSeconds(null, 'ko')).toBe('—')
  })

  it('says "approximately" in words in Korean', () => {
    expect(formatApprox(formatMoney(0.02, 'en'), 'en')).toBe('≈ $0.02')
    expect(formatApprox(formatMoney(0.02, 'ko'), 'ko')).toBe('약 US$0.02')
  })
})

describe('counts', () => {
  it('formats rates and counts, with a dash for unknown', () => {
    expect(formatRate(87.25, 'en')).toBe('87.3')
    expect(formatRate(1234.5, 'en')).toBe('1,235')
    expect(formatCount(12000, 'ko')).toBe('12,000')
    expect(formatCount(undefined, 'en')).toBe('—')
  })

  it('shortens token counts to K and M in every language', () => {
    expect(formatTokens(400_000)).toBe('400K')
    expect(formatTokens(128_000)).toBe('128K')
    expect(formatTokens(1_050_000)).toBe('1.05M')
    expect(formatTokens(1_000_000)).toBe('1M')
    expect(formatTokens(8_192)).toBe('8.2K')
    expect(formatTokens(2_500)).toBe('2.5K')
    expect(formatTokens(512)).toBe('512')
  })
})
