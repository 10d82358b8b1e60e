/** What the test and the child process running the built main process say to each other. */

/** How the stand-in `electron` behaves in one child process. */
export interface SmokeConfig {
  /** The main-process entry to load (`out/main/index.js`, or a fixture). */
  main: string
  /** `process.argv[1]` of an unpackaged Electron app: the app folder. */
  appPath: string
  /** Command-line arguments after the app folder (e.g. `--data-dir`). */
  argv: string[]
  /** Electron's default `app.getPath('userData')` (appData/<product name>); must exist. */
  userData: string
  version: string
  isPackaged: boolean
  /** What `app.requestSingleInstanceLock()` answers: false plays the second instance. */
  singleInstanceLock: boolean
  safeStorage: {
    /** Hex AES-256 key standing in for the OS keychain's; another key = a changed keychain. */
    key: string
    available: boolean
    /** `getSelectedStorageBackend()` after ready, on Linux. */
    backend: string
  }
  dialogs: {
    /** `showMessageBox` answers with this button index (default: the dialog's cancelId or 0). */
    messageBoxResponse?: number
    /** `showOpenDialog` answers with these paths; null or absent: cancelled. */
    openDialogPaths?: string[] | null
  }
  /** Requests to these origins ignore their AbortSignal: a provider call that never stops. */
  ignoreAbortOrigins: string[]
  /** The global the preload exposes, and the events the driver listens to through it. */
  page: { bridge: string; events: string[] }
}

export interface Violation {
  rule: string
  detail: string
}

export interface WindowInfo {
  id: number
  url: string
  loaded: boolean
  shown: boolean
  focused: boolean
  webPreferences: Record<string, unknown>
}

export type ChildMessage =
  | { type: 'violation'; violation: Violation }
  | { type: 'window-created'; window: WindowInfo }
  | { type: 'window-loaded'; window: WindowInfo }
  | { type: 'window-updated'; window: WindowInfo }
  | { type: 'window-closed'; id: number }
  | { type: 'sent'; window: number; channel: string; args: unknown[] }
  | { type: 'page-event'; window: number; event: string; payload: unknown }
  | { type: 'dialog'; method: string; args: unknown[] }
  | { type: 'menu-popup'; items: MenuItemInfo[] }
  | { type: 'app-call'; method: string; args: unknown[] }
  | { type: 'loaded' }
  | { type: 'exit'; code: number; how: 'quit' | 'exit' }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: string }

export interface MenuItemInfo {
  label?: string
  role?: string
  type?: string
  enabled?: boolean
}

/** Which frame an IPC call comes from: the app's main frame, an iframe, a frame gone, a page
 * the main frame navigated to on another origin. */
export type CallingFrame = 'main' | 'sub' | 'null' | 'foreign'

export type Command =
  | { cmd: 'invoke'; window: number; frame: CallingFrame; method: string; input: unknown }
  | { cmd: 'fetch'; url: string }
  | {
      cmd: 'permission-check'
      window: number
      frame: 'main' | 'sub' | 'foreign'
      permission: string
      /** Chromium passes no web contents for some checks (e.g. from a service worker). */
      withoutContents?: boolean
    }
  | {
      cmd: 'permission-request'
      window: number
      frame: 'main' | 'sub' | 'foreign'
      permission: string
    }
  | { cmd: 'navigate'; window: number; url: string; kind: 'will-navigate' | 'will-redirect' }
  | { cmd: 'window-open'; window: number; url: string }
  | { cmd: 'context-menu'; window: number; params: Record<string, unknown> }
  | { cmd: 'click-menu-item'; index: number }
  | { cmd: 'second-instance'; argv: string[]; cwd: string }
  | { cmd: 'quit' }
  | { cmd: 'close-window'; window: number }

export type CommandMessage = Command & { id: number }

export interface FetchResult {
  status?: number
  headers?: Record<string, string>
  body?: string
  error?: string
}
