import type { historyEn } from '../en/history'

export const historyKo: Record<keyof typeof historyEn, string> = {}
