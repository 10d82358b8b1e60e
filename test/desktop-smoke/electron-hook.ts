import type { ResolveHook } from 'node:module'

const STAND_IN = new URL('./electron-stand-in.ts', import.meta.url).href

/** Node module-resolution hook: `electron` (and `electron/main`) is the stand-in. */
export const resolve: ResolveHook = async (specifier, context, next) =>
  specifier === 'electron' || specifier === 'electron/main'
    ? { url: STAND_IN, shortCircuit: true }
    : next(specifier, context)
