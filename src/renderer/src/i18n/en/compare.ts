export const compareEn = {} as const
