export const modelsEn = {} as const
