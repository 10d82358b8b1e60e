import type { markdownEn } from '../en/markdown'

export const markdownKo: Record<keyof typeof markdownEn, string> = {}
