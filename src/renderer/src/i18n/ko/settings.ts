import type { settingsEn } from '../en/settings'

export const settingsKo: Record<keyof typeof settingsEn, string> = {}
