import { app, session, shell, type WebContents } from 'electron'
import { isOpenableExternalUrl, isTrustedUrl } from './app-url'

/**
 * Applies the security baseline to every web contents the app ever creates: no new windows (web
 * links go to the OS browser), no navigation away from the app, no <webview>, no permissions.
 */
export function installWebContentsGuards(origins: Set<string>): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false)
  })
  session.defaultSession.setPermissionCheckHandler(() => false)

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(({ url }) => {
      if (isOpenableExternalUrl(url)) void shell.openExternal(url)
      return { action: 'deny' }
    })
    contents.on('will-navigate', (event, url) => {
      if (!isTrustedUrl(url, origins)) event.preventDefault()
    })
    contents.on('will-redirect', (event, url) => {
      if (!isTrustedUrl(url, origins)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
}
