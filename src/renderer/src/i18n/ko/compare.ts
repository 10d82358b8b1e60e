import type { compareEn } from '../en/compare'

export const compareKo: Record<keyof typeof compareEn, string> = {}
