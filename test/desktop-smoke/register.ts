import { register } from 'node:module'

/** `node --import <this file>`: installs the hook that makes `electron` the stand-in. */
register('./electron-hook.ts', import.meta.url)
