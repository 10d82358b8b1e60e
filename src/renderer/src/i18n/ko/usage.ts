import type { usageEn } from '../en/usage'

export const usageKo: Record<keyof typeof usageEn, string> = {}
