export const paramsEn = {} as const
