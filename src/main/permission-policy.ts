import { isTrustedUrl } from './app-url'

/**
 * The only permission the app grants: writing sanitized text to the clipboard, which
 * `navigator.clipboard.writeText` (every Copy button) needs in Electron.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write'])

/** What both session permission handlers know about an ask (request or check). */
export interface PermissionAsk {
  permission: string
  /** `details.isMainFrame`. */
  isMainFrame: boolean
  /** `details.requestingUrl`: the last URL the asking frame loaded (absent for some checks). */
  requestingUrl: string | undefined
  /** The check handler's `requestingOrigin`; the request handler has none. */
  requestingOrigin?: string
}

/**
 * Grants a permission only when it is one the app uses, asked by the main frame of a page on the
 * app's own origin. Everything else — another permission, a subframe, a foreign or unknown
 * origin — is denied.
 */
export function isPermissionGranted(ask: PermissionAsk, origins: Set<string>): boolean {
  if (!GRANTED_PERMISSIONS.has(ask.permission) || !ask.isMainFrame) return false
  if (ask.requestingUrl === undefined && ask.requestingOrigin === undefined) return false
  if (ask.requestingUrl !== undefined && !isTrustedUrl(ask.requestingUrl, origins)) return false
  if (ask.requestingOrigin !== undefined && !isTrustedUrl(ask.requestingOrigin, origins)) {
    return false
  }
  return true
}
