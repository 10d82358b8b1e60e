import { EventEmitter } from 'node:events'
import { protocol } from './protocol.ts'
import { callHandler, guarded, requireReady, violate } from './rules.ts'
import { state } from './state.ts'

type CheckHandler = (
  webContents: object | null,
  permission: string,
  requestingOrigin: string,
  details: { isMainFrame: boolean; requestingUrl?: string; embeddingOrigin?: string },
) => unknown
type RequestHandler = (
  webContents: object,
  permission: string,
  callback: (granted: boolean) => void,
  details: { isMainFrame: boolean; requestingUrl: string },
) => void

/** How long a permission request may wait for its callback before it counts as never called. */
const REQUEST_CALLBACK_MS = 2_000

class Session extends EventEmitter {
  private checkHandler: CheckHandler | null = null
  private requestHandler: RequestHandler | null = null
  readonly protocol = protocol

  setPermissionCheckHandler(handler: CheckHandler | null): void {
    this.checkHandler = handler
  }

  setPermissionRequestHandler(handler: RequestHandler | null): void {
    this.requestHandler = handler
  }

  setSpellCheckerLanguages(_languages: string[]): void {}

  addWordToSpellCheckerDictionary(word: string): boolean {
    state.report({
      type: 'app-call',
      method: 'session.addWordToSpellCheckerDictionary',
      args: [word],
    })
    return true
  }

  /** A permission check as Chromium makes it; without a handler Electron allows. */
  checkPermission(
    webContents: object | null,
    permission: string,
    origin: string,
    details: Parameters<CheckHandler>[3],
  ): boolean {
    const handler = this.checkHandler
    if (!handler) return true
    const result = callHandler('the permission check handler', () =>
      handler(webContents, permission, origin, details),
    )
    if (typeof result !== 'boolean') {
      violate('permission-check-result', `it returned ${String(result)} for ${permission}.`)
      return false
    }
    return result
  }

  /** A permission request: the handler must call back exactly once. */
  requestPermission(
    webContents: object,
    permission: string,
    details: Parameters<RequestHandler>[3],
  ): Promise<boolean> {
    const handler = this.requestHandler
    if (!handler) return Promise.resolve(true)
    return new Promise((resolve) => {
      let calls = 0
      const timer = setTimeout(() => {
        violate('permission-request-callback', `${permission}: the callback was never called.`)
        resolve(false)
      }, REQUEST_CALLBACK_MS)
      callHandler('the permission request handler', () =>
        handler(
          webContents,
          permission,
          (granted) => {
            if (++calls > 1) {
              violate('permission-request-callback', `${permission}: called back twice.`)
              return
            }
            clearTimeout(timer)
            resolve(granted === true)
          },
          details,
        ),
      )
    })
  }
}

const defaultSession = guarded('session.defaultSession', new Session())

export function defaultSessionForWindows(): Session {
  return defaultSession
}

export const session = guarded('session', {
  /** "available after app.whenReady is called" (electron.d.ts, Session.defaultSession). */
  get defaultSession(): Session {
    requireReady('session.defaultSession')
    return defaultSession
  },
  fromPartition(_partition: string): Session {
    requireReady('session.fromPartition')
    return defaultSession
  },
})
