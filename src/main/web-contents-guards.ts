import { app, BrowserWindow, Menu, session, shell, type WebContents } from 'electron'
import { isOpenableExternalUrl, isTrustedUrl } from './app-url'
import { contextMenuTemplate } from './context-menu'
import type { DesktopTranslate } from './desktop-text'
import { isPermissionGranted } from './permission-policy'

/**
 * Applies the security baseline to every web contents the app ever creates: no new windows (web
 * links go to the OS browser), no navigation away from the app, no <webview>, and no permission
 * but the clipboard write the Copy buttons need, for the app's own main frame
 * (`permission-policy.ts`). Each page also gets the right-click menu (`context-menu.ts`).
 */
export function installWebContentsGuards(
  origins: Set<string>,
  text: () => Promise<DesktopTranslate>,
): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(
      isPermissionGranted(
        { permission, isMainFrame: details.isMainFrame, requestingUrl: details.requestingUrl },
        origins,
      ),
    )
  })
  session.defaultSession.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin, details) =>
      isPermissionGranted(
        {
          permission,
          isMainFrame: details.isMainFrame,
          requestingUrl: details.requestingUrl,
          requestingOrigin,
        },
        origins,
      ),
  )

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
    contents.on('context-menu', (_event, params) => {
      void text().then((t) => {
        const template = contextMenuTemplate(params, t, {
          replace: (word) => contents.replaceMisspelling(word),
          addToDictionary: (word) => contents.session.addWordToSpellCheckerDictionary(word),
        })
        if (template.length === 0 || contents.isDestroyed()) return
        const options: Electron.PopupOptions = {}
        const window = BrowserWindow.fromWebContents(contents)
        if (window) options.window = window
        if (params.frame) options.frame = params.frame
        Menu.buildFromTemplate(template).popup(options)
      })
    })
  })
}
