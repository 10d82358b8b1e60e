import { app, BrowserWindow, dialog } from 'electron'
import { fileURLToPath } from 'node:url'
import { openCore, type CoreOptions } from '../core/create-core'
import { resolveDataLocation } from '../core/data-dir'
import { DataDirInUseError, type DataDirLock } from '../core/data-dir-lock'
import { settlePendingDataDir } from '../core/data-location'
import { openDataDir } from '../core/open-data-dir'
import { errorSummary, writeStartupLog } from '../core/startup-log'
import { createDispatcher } from '../shared/dispatch'
import { registerAppScheme, serveAppScheme } from './app-protocol'
import { confirmDataDirChange, pickFolder } from './data-dir-dialogs'
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
/** This process's hold on the data folder (a web host on the same folder is refused). */
let dataLock: DataDirLock | undefined

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else if (!takeDataDir()) {
  app.exit(1)
} else {
  registerAppScheme()
  if (dataLocation) app.setPath('userData', dataLocation.dir)
  app.on('second-instance', () => focusMainWindow())
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      const log =
        dataLocation && writeStartupLog(dataLocation.dir, error, { what: 'could not start' })
      const where = log === undefined ? '' : `; the details are in ${log}`
      console.error(`parallax: could not start: ${errorSummary(error)}${where}.`)
      app.quit()
    })
}

/** Locks the data folder before anything touches it; refused, it says who holds it. */
function takeDataDir(): boolean {
  try {
    const opened = openDataDir(resolveDataLocation({ explicit: dataDirFlag(process.argv) }), {
      kind: 'desktop',
    })
    dataLocation = opened.location
    dataLock = opened.lock
    return true
  } catch (error) {
    const message =
      error instanceof DataDirInUseError
        ? error.message
        : `could not open the data folder: ${errorSummary(error)}.`
    // The one dialog Electron allows before the app is ready.
    dialog.showErrorBox('Parallax cannot start', capitalize(message))
    return false
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** `--data-dir DIR` or `--data-dir=DIR` on the desktop app's command line. */
function dataDirFlag(argv: readonly string[]): string | undefined {
  const at = argv.indexOf('--data-dir')
  if (at >= 0) return argv[at + 1]
  return argv.find((arg) => arg.startsWith('--data-dir='))?.slice('--data-dir='.length)
}

async function start(): Promise<void> {
  // A folder typed into a web page is used only once the person agrees here; then a restart
  // applies it before anything opens the data.
  const waiting = dataLocation?.waiting
  if (dataLocation && waiting) {
    const accepted = await confirmDataDirChange(waiting)
    settlePendingDataDir(dataLocation.defaultDir, accepted)
    delete dataLocation.waiting
    if (accepted) {
      dataLock?.release()
      app.relaunch()
      app.exit(0)
      return
    }
  }
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
    pickFolder,
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
        dataLock?.release()
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
