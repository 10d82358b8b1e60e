import { app, BrowserWindow } from 'electron'
import { fileURLToPath } from 'node:url'
import { openCore, type CoreOptions } from '../core/create-core'
import { prepareDataDir, resolveDataLocation } from '../core/data-dir'
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

/** Where the data folder came from, for Settings; set once the single-instance lock is held. */
let dataLocation: CoreOptions['dataLocation']

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  registerAppScheme()
  dataLocation = prepareDataDir(resolveDataLocation({ explicit: dataDirFlag(process.argv) }))
  app.setPath('userData', dataLocation.dir)
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

/** `--data-dir DIR` or `--data-dir=DIR` on the desktop app's command line. */
function dataDirFlag(argv: readonly string[]): string | undefined {
  const at = argv.indexOf('--data-dir')
  if (at >= 0) return argv[at + 1]
  return argv.find((arg) => arg.startsWith('--data-dir='))?.slice('--data-dir='.length)
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
    ...(dataLocation ? { dataLocation } : {}),
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
