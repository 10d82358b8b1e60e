import type { welcomeEn } from '../en/welcome'

export const welcomeKo: Record<keyof typeof welcomeEn, string> = {}
