import type { modelsEn } from '../en/models'

export const modelsKo: Record<keyof typeof modelsEn, string> = {}
