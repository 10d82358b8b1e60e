import type { chatEn } from '../en/chat'

export const chatKo: Record<keyof typeof chatEn, string> = {}
