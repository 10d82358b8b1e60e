export const shortcutsEn = {} as const
