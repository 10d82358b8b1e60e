import { state } from './state.ts'

/**
 * The rules the stand-in enforces. Each id has a row in ../RULES.md with its source (Electron
 * 45's electron.d.ts, its docs or its own source) and what the stand-in does when it is broken.
 */
export const RULES = {
  'needs-ready': 'An API that only works once the app is ready was used before `ready`.',
  'before-ready-only': 'An API that only works before `ready` was used after it.',
  'privileged-once': '`protocol.registerSchemesAsPrivileged` was called more than once.',
  'set-path-missing-dir': '`app.setPath` was given a folder that does not exist.',
  'ipc-second-handler': 'A second `ipcMain.handle` handler was registered for a channel.',
  'ipc-not-cloneable': 'An IPC payload cannot be structured-cloned (Electron throws).',
  'ipc-lossy': 'An IPC payload loses its prototype (class instance, Error, Buffer) on the way.',
  'protocol-response': 'A `protocol.handle` handler answered with something other than a Response.',
  'protocol-twice': '`protocol.handle` was called twice for one scheme.',
  'scheme-not-privileged': 'A page was loaded from a custom scheme not registered as standard.',
  'preload-path': 'The preload is missing or not an absolute path.',
  'preload-esm': 'The preload of a sandboxed window is not a CommonJS script.',
  'preload-require': 'A sandboxed preload required a module the sandbox does not offer.',
  'context-bridge-isolation': '`contextBridge` was used without context isolation.',
  'web-preferences': 'A window was created without the sandbox / context isolation baseline.',
  'permission-check-result': 'A permission check handler returned something other than a boolean.',
  'permission-request-callback': 'A permission request handler did not call back exactly once.',
  'window-open-result': 'A window open handler returned something other than {action}.',
  'menu-role': 'A menu item has a role Electron does not know.',
  'load-failed': 'A window failed to load its page.',
  'handler-threw': 'A handler Electron calls threw.',
  destroyed: 'A destroyed window or web contents was used.',
  unimplemented: 'The code used an Electron API the stand-in does not implement.',
  uncaught: 'The main process had an uncaught exception or unhandled rejection.',
} as const

export type RuleId = keyof typeof RULES

export function violate(rule: RuleId, detail: string): void {
  const violation = { rule, detail }
  state.violations.push(violation)
  state.report({ type: 'violation', violation })
}

/** Records the violation and throws, as Electron does, when `api` is used before ready. */
export function requireReady(api: string): void {
  if (state.ready) return
  violate('needs-ready', `${api} was used before the app was ready.`)
  throw new Error(`${api} cannot be used before the app is ready (stand-in for Electron).`)
}

/** Records the violation when `api` is used after ready (Electron ignores the call or fails). */
export function requireBeforeReady(api: string): boolean {
  if (!state.ready) return true
  violate('before-ready-only', `${api} was used after the app was ready.`)
  return false
}

/** Runs a handler the app gave Electron; a throw is recorded, as Electron reports it. */
export function callHandler<T>(what: string, run: () => T): T | undefined {
  try {
    return run()
  } catch (error) {
    violate('handler-threw', `${what} threw: ${(error as Error)?.stack ?? String(error)}`)
    return undefined
  }
}

/** Property names probed by tools and `await` that are not API use. */
const PROBES = new Set(['then', 'toJSON', 'constructor', 'asymmetricMatch', 'nodeType', '$$typeof'])

/** Wraps a stand-in object so any API it lacks is reported instead of failing obscurely. */
export function guarded<T extends object>(name: string, target: T): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      if (typeof property === 'string' && !(property in object) && !PROBES.has(property)) {
        violate('unimplemented', `${name}.${property} is not implemented by the stand-in.`)
      }
      return Reflect.get(object, property, receiver)
    },
  })
}
