export const usageEn = {} as const
