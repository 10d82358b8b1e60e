import { EventEmitter } from 'node:events'
import { existsSync, readFileSync } from 'node:fs'
import { isAbsolute } from 'node:path'
import vm from 'node:vm'
import { isPlain, sendAcrossIpc } from './clone-check.ts'
import { guarded, violate } from './rules.ts'

/** What a page's main world got from its preload, and the renderer end of its IPC. */
export interface PageWorld {
  mainWorld: Record<string, unknown>
  ipcRenderer: EventEmitter
}

/** Sends an invoke from this page to the main process (ipc-main.ts) as `frame`. */
export type InvokeMain = (channel: string, args: unknown[]) => Promise<unknown>

/** The modules a sandboxed preload can require (docs: tutorial/sandbox.md "Preload scripts"). */
const SANDBOX_NODE_MODULES = new Set(['events', 'timers', 'url'])

/**
 * Electron wraps a sandboxed preload's source in this function and runs it as plain script
 * (lib/sandboxed_renderer/init.ts): ES module syntax there is a SyntaxError.
 */
const WRAPPER_PARAMS =
  'require, process, Buffer, global, setImmediate, clearImmediate, exports, module'

/** Checks a window's preload the way a sandboxed renderer loads it; undefined: it cannot load. */
export function readPreload(path: unknown): string | undefined {
  if (typeof path !== 'string' || !isAbsolute(path)) {
    violate('preload-path', `webPreferences.preload must be an absolute path, got ${String(path)}.`)
    return undefined
  }
  if (!existsSync(path)) {
    violate('preload-path', `the preload ${path} does not exist.`)
    return undefined
  }
  if (path.endsWith('.mjs')) {
    violate('preload-esm', `${path}: a .mjs preload is an ES module, which a sandbox cannot load.`)
    return undefined
  }
  const source = readFileSync(path, 'utf8')
  try {
    new vm.Script(`(function(${WRAPPER_PARAMS}) {\n${source}\n})`, { filename: path })
  } catch (error) {
    violate('preload-esm', `${path} is not a CommonJS script: ${(error as Error).message}`)
    return undefined
  }
  return source
}

/** Runs a checked preload in a fresh context, like a sandboxed renderer, and returns the page. */
export function runPreload(
  path: string,
  source: string,
  options: { contextIsolation: boolean; invoke: InvokeMain },
): PageWorld {
  const ipcRenderer = createIpcRenderer(options.invoke)
  const mainWorld: Record<string, unknown> = {}
  const contextBridge = {
    exposeInMainWorld(key: string, api: unknown) {
      if (!options.contextIsolation) {
        violate('context-bridge-isolation', 'contextBridge.exposeInMainWorld without isolation.')
        throw new Error('contextBridge API can only be used when contextIsolation is enabled')
      }
      mainWorld[key] = acrossWorlds(api)
    },
  }
  const electron = guarded('electron (renderer)', { contextBridge, ipcRenderer })
  const require = (name: string): unknown => {
    if (name === 'electron' || name === 'electron/renderer') return electron
    if (SANDBOX_NODE_MODULES.has(name)) return load(name)
    violate('preload-require', `${path} required "${name}", which a sandboxed preload cannot.`)
    throw new Error(`module not found: ${name}`)
  }
  const context = vm.createContext({ console, setTimeout, clearTimeout, queueMicrotask })
  const wrapper = new vm.Script(`(function(${WRAPPER_PARAMS}) {\n${source}\n})`, {
    filename: path,
  }).runInContext(context) as (...args: unknown[]) => void
  const exports = {}
  const sandboxProcess = { platform: process.platform, versions: process.versions, env: {} }
  wrapper(require, sandboxProcess, Buffer, context, setImmediate, clearImmediate, exports, {
    exports,
  })
  return { mainWorld, ipcRenderer }
}

function load(name: string): unknown {
  return name === 'events'
    ? { EventEmitter }
    : name === 'timers'
      ? { setTimeout, clearTimeout, setImmediate, clearImmediate }
      : { URL, URLSearchParams }
}

function createIpcRenderer(invoke: InvokeMain): EventEmitter {
  const ipcRenderer = new EventEmitter() as EventEmitter & {
    invoke(channel: string, ...args: unknown[]): Promise<unknown>
  }
  ipcRenderer.invoke = (channel, ...args) => {
    const sent = sendAcrossIpc(args, `ipcRenderer.invoke('${channel}') arguments`) as unknown[]
    return invoke(channel, sent)
  }
  return guarded('ipcRenderer', ipcRenderer)
}

/**
 * contextBridge copies values between the isolated and the main world: functions become
 * proxies whose arguments and results are copied again, promises stay promises, objects are
 * copied without their prototypes (docs: api/context-bridge.md, "Parameter / Error / Return
 * Type support").
 */
function acrossWorlds(value: unknown): unknown {
  if (typeof value === 'function') {
    return (...args: unknown[]) => acrossWorlds(value(...args.map(acrossWorlds)))
  }
  if (value instanceof Promise) return value.then(acrossWorlds)
  if (Array.isArray(value)) return value.map(acrossWorlds)
  if (typeof value !== 'object' || value === null) return value
  if (isPlain(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, acrossWorlds(v)]))
  }
  return structuredClone(value)
}
