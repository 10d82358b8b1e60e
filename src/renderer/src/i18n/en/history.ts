export const historyEn = {} as const
