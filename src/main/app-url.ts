/** The renderer is served from this privileged custom scheme, never from file://. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'parallax'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/**
 * The electron-vite dev server URL, honoured only in an unpackaged app. An empty or blank
 * `ELECTRON_RENDERER_URL` counts as absent: `'' ?? APP_ENTRY_URL` would load `''`.
 */
export function devServerUrlFrom(
  value: string | undefined,
  isPackaged: boolean,
): string | undefined {
  if (isPackaged || value === undefined) return undefined
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed
}

/** The URL a new window loads: the dev server when there is one, else the packaged entry. */
export function windowUrl(devServerUrl: string | undefined, route = ''): string {
  return (devServerUrlFrom(devServerUrl, false) ?? APP_ENTRY_URL) + route
}

/**
 * The route of a window showing one conversation on its own, without the sidebar (the renderer's
 * `#/w/<id>`, app/routes.ts).
 */
export function conversationWindowRoute(conversationId: string): string {
  return `#/w/${encodeURIComponent(conversationId)}`
}

/**
 * The origins the app's own frames may have: the app:// origin, and in development only the
 * electron-vite dev server.
 */
export function trustedOrigins(devServerUrl: string | undefined): Set<string> {
  const origins = new Set([APP_ORIGIN])
  const dev = devServerUrlFrom(devServerUrl, false)
  if (dev !== undefined) origins.add(new URL(dev).origin)
  return origins
}

export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url)
    // `new URL('app://parallax/x').origin` is "null" for non-special schemes; rebuild it.
    return parsed.protocol === 'http:' || parsed.protocol === 'https:'
      ? parsed.origin
      : `${parsed.protocol}//${parsed.host}`
  } catch {
    return undefined
  }
}

export function isTrustedUrl(url: string, origins: Set<string>): boolean {
  const origin = originOf(url)
  return origin !== undefined && origins.has(origin)
}

/** Only plain web links may leave the app, and only to the OS browser. */
export function isOpenableExternalUrl(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url)
    return (protocol === 'https:' || protocol === 'http:') && hostname !== ''
  } catch {
    return false
  }
}
