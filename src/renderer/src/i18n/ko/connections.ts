import type { connectionsEn } from '../en/connections'

export const connectionsKo: Record<keyof typeof connectionsEn, string> = {}
