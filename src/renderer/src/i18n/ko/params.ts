import type { paramsEn } from '../en/params'

export const paramsKo: Record<keyof typeof paramsEn, string> = {}
