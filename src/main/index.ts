import { app, BrowserWindow } from 'electron'
import { fileURLToPath } from 'node:url'
import { openCore } from '../core/create-core'
import { ensureDataDir, resolveDataDir } from '../core/data-dir'
import { createDispatcher } from '../shared/dispatch'
import { registerAppScheme, serveAppScheme } from './app-protocol'
import { createSafeStorageEncryptor } from './safe-storage-encryptor'
import { trustedOrigins } from './app-url'
import { bindIpc, sendEvent } from './ipc-binding'
import { createMainWindow } from './main-window'
import { RunEventRouter } from './run-event-router'
import { installWebContentsGuards } from './web-contents-guards'

// The dev server URL is honoured only in an unpackaged app started by electron-vite.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
const origins = trustedOrigins(devServerUrl)

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  registerAppScheme()
  app.setPath('userData', ensureDataDir(resolveDataDir()))
  app.on('second-instance', () => focusMainWindow())
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('parallax: could not start', error)
      app.quit()
    })
}

async function start(): Promise<void> {
  installWebContentsGuards(origins)
  serveAppScheme(fileURLToPath(new URL('../renderer', import.meta.url)))
  const router = new RunEventRouter()
  app.on('web-contents-created', (_event, contents) => {
    const id = contents.id
    contents.once('destroyed', () => router.forget(id))
  })
  const core = await openCore({
    version: app.getVersion(),
    host: 'electron',
    dataDir: app.getPath('userData'),
    emit: (event, payload) => sendEvent(BrowserWindow.getAllWindows(), router, event, payload),
    // safeStorage is usable only after app.whenReady().
    vaultKey: { encryptor: await createSafeStorageEncryptor() },
    vaultFileName: 'vault-desktop.json',
    openWindow: (conversationId) => {
      createMainWindow(devServerUrl, `#/c/${encodeURIComponent(conversationId)}`)
      return true
    },
  })
  const dispatch = createDispatcher(core.handlers, {
    onInternalError: (method, error) => console.error(`parallax: ${method} failed`, error),
  })
  bindIpc(dispatch, origins, router)
  createMainWindow(devServerUrl)
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(devServerUrl)
  })
  // Quitting waits for live runs to be saved as `stopped` and the stores to close.
  let closing: Promise<void> | undefined
  let closed = false
  app.on('before-quit', (event) => {
    if (closed) return
    event.preventDefault()
    closing ??= core
      .close()
      .catch((error: unknown) => console.error('parallax: closing failed', error))
      .finally(() => {
        closed = true
        app.quit()
      })
  })
}

function focusMainWindow(): void {
  const [window] = BrowserWindow.getAllWindows()
  if (!window) return
  if (window.isMinimized()) window.restore()
  window.focus()
}
