import { net, protocol } from 'electron'
import { respondToAppRequest } from './app-response'
import { APP_SCHEME } from './app-url'

/** Must run before `app.whenReady()`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ])
}

/** Serves the built renderer on app://parallax/ with the strict CSP as a response header. */
export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) =>
    respondToAppRequest(rendererDir, request.url, (fileUrl) => net.fetch(fileUrl)),
  )
}
