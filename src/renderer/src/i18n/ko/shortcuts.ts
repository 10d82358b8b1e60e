import type { shortcutsEn } from '../en/shortcuts'

export const shortcutsKo: Record<keyof typeof shortcutsEn, string> = {}
