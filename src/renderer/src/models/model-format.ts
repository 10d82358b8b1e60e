import type { ModelCapabilitiesView } from '../../../shared/model-schemas'

export type ModelBadge = 'vision' | 'tools' | 'reasoning'

/** 400000 → "400K", 1050000 → "1.05M", 8192 → "8.2K": token counts the way model pages write them. */
export function formatTokenCount(count: number): string {
  if (count >= 1_000_000) return `${trim(count / 1_000_000, 2)}M`
  if (count >= 1_000) return `${trim(count / 1_000, count >= 10_000 ? 0 : 1)}K`
  return String(Math.round(count))
}

function trim(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)))
}

const usdFormats = new Map<number, Intl.NumberFormat>()

/** Dollars with cents, and up to 4 decimals below a dollar so that tiny costs stay visible. */
export function formatUsd(amount: number): string {
  // Below this, four decimals would round a real cost to $0.00.
  if (amount > 0 && amount < 0.00005) return '<$0.0001'
  const digits = amount < 1 ? 4 : 2
  let format = usdFormats.get(digits)
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: 'USD',
      minimumFractionDigits: 2,
      maximumFractionDigits: digits,
    })
    usdFormats.set(digits, format)
  }
  return format.format(amount)
}

export function modelBadges(capabilities: ModelCapabilitiesView): ModelBadge[] {
  const badges: ModelBadge[] = []
  if (capabilities.modalities.input.includes('image')) badges.push('vision')
  if (capabilities.tools) badges.push('tools')
  if (capabilities.reasoning) badges.push('reasoning')
  return badges
}
