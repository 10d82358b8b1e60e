import { app, BrowserWindow, dialog } from 'electron'
import { fileURLToPath } from 'node:url'
import {
  errorSummary,
  internalErrorLine,
  openCore,
  openDataDir,
  resolveDataLocation,
  settlePendingDataDir,
  writeStartupLog,
  type Core,
  type DataDirLock,
  type PreparedDataDir,
  type ResolvedDataDir,
} from '../core/index'
import { createDispatcher } from '../shared/dispatch'
import { registerAppScheme, serveAppScheme } from './app-protocol'
import { conversationWindowRoute, devServerUrlFrom, trustedOrigins } from './app-url'
import { boundedQuit } from './bounded-quit'
import { confirmDataDirChange, pickFolder } from './data-dir-dialogs'
import { desktopLanguage, desktopTranslate, type DesktopTranslate } from './desktop-text'
import { bindIpc, sendEvent } from './ipc-binding'
import {
  asksForAnotherFolder,
  dataDirFlag,
  launchRequest,
  requestedDataDir,
  unpackagedUserDataDir,
} from './launch-args'
import { createMainWindow } from './main-window'
import { RunEventRouter } from './run-event-router'
import { createSafeStorageEncryptor } from './safe-storage-encryptor'
import { startupFailureText, type StartupStage } from './startup-failure'
import { installWebContentsGuards } from './web-contents-guards'

// This file only wires: each decision lives in a module of its own, with its tests.

const devServerUrl = devServerUrlFrom(process.env.ELECTRON_RENDERER_URL, app.isPackaged)
const origins = trustedOrigins(devServerUrl)

/** The data folder, locked by this process; it is given to the core only. */
let dataLocation: PreparedDataDir | undefined
let dataLock: DataDirLock | undefined
let core: Core | undefined
/** Why the data folder could not even be worked out (a damaged data-location.json …). */
let resolveFailure: unknown

// Electron's `userData` stays at its default: Chromium keeps the safeStorage key (Windows'
// `Local State`) there, so it must not follow the data folder. The single-instance lock lives
// in `userData` too, so it is per OS user, whatever data folder a launch asks for; a second
// launch hands the folder it was given to this one (`second-instance`) and quits.
const profile = unpackagedUserDataDir(app.isPackaged, process.argv)
if (profile !== undefined) app.setPath('userData', profile)
const wanted = resolveOrUndefined()
if (!app.requestSingleInstanceLock(launchRequest(wanted))) {
  app.quit()
} else {
  const refused = takeDataDir(wanted)
  if (refused) {
    void app.whenReady().then(() => failStart(refused.error, refused.where))
  } else {
    registerAppScheme()
    app.on('second-instance', (_event, argv, workingDirectory, additionalData) =>
      onSecondInstance(requestedDataDir(additionalData, argv, workingDirectory)),
    )
    app.on('window-all-closed', () => {
      if (process.platform !== 'darwin') app.quit()
    })
    app
      .whenReady()
      .then(start)
      .catch((error: unknown) => failStart(error, { stage: 'start' }))
  }
}

function resolveOrUndefined(): ResolvedDataDir | undefined {
  try {
    return resolveDataLocation({ explicit: dataDirFlag(process.argv) })
  } catch (error) {
    resolveFailure = error
    return undefined
  }
}

/** Locks the data folder before anything touches it (the same rule as every host). */
function takeDataDir(
  location: ResolvedDataDir | undefined,
): { error: unknown; where: StartupStage } | undefined {
  if (location === undefined) return { error: resolveFailure, where: { stage: 'start' } }
  try {
    const opened = openDataDir(location, { kind: 'desktop' })
    dataLocation = opened.location
    dataLock = opened.lock
    return undefined
  } catch (error) {
    return { error, where: { stage: 'data-dir', dir: location.dir } }
  }
}

/**
 * A failed start: the details go to `logs/startup.log` (when the folder is ours), the person gets
 * one sentence in a native dialog (after `ready`, so Linux shows it too), then the app exits.
 */
function failStart(error: unknown, where: StartupStage): void {
  const log =
    dataLock && dataLocation
      ? writeStartupLog(dataLocation.dir, error, { what: 'could not start' })
      : undefined
  const at = log === undefined ? '' : `; the details are in ${log}`
  console.error(`parallax: could not start: ${errorSummary(error)}${at}.`)
  const t = systemText()
  dialog.showErrorBox(t('start.title'), startupFailureText(error, where, t, log))
  dataLock?.release()
  app.exit(1)
}

async function start(): Promise<void> {
  const location = dataLocation as PreparedDataDir
  // A folder typed into a web page is used only once the person agrees here; then a restart
  // applies it before anything opens the data.
  const waiting = location.waiting
  if (waiting) {
    const accepted = await confirmDataDirChange(waiting, systemText())
    settlePendingDataDir(location.defaultDir, accepted)
    delete location.waiting
    if (accepted) {
      dataLock?.release()
      app.relaunch()
      app.exit(0)
      return
    }
  }
  installWebContentsGuards(origins, currentText)
  serveAppScheme(fileURLToPath(new URL('../renderer', import.meta.url)))
  const router = new RunEventRouter()
  app.on('web-contents-created', (_event, contents) => {
    const id = contents.id
    contents.once('destroyed', () => router.forget(id))
  })
  const opened = await openCore({
    version: app.getVersion(),
    host: 'electron',
    dataDir: location.dir,
    dataLocation: location,
    pickFolder: async () => pickFolder(await currentText()),
    emit: (event, payload) => sendEvent(BrowserWindow.getAllWindows(), router, event, payload),
    // safeStorage is usable only after app.whenReady().
    vaultKey: { encryptor: await createSafeStorageEncryptor() },
    vaultFileName: 'vault-desktop.json',
    openWindow: (conversationId) => {
      createMainWindow(devServerUrl, conversationWindowRoute(conversationId))
      return true
    },
  })
  core = opened
  const dispatch = createDispatcher(opened.handlers, {
    onInternalError: (method, error, incident) =>
      console.error(`parallax: ${internalErrorLine(method, incident, error)}`),
  })
  bindIpc(dispatch, origins, router)
  createMainWindow(devServerUrl)
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(devServerUrl)
  })
  app.on(
    'before-quit',
    boundedQuit({
      close: () => opened.close(),
      release: () => dataLock?.release(),
      exit: () => app.exit(0),
      onError: (error) => console.error('parallax: closing failed', error),
      onTimeout: (ms) => console.error(`parallax: closing took over ${ms} ms; quitting anyway`),
    }),
  )
}

/** A second launch: bring the window forward; if it asked for another folder, say why not. */
function onSecondInstance(requested: string | undefined): void {
  const window = BrowserWindow.getAllWindows()[0]
  if (window) {
    if (window.isMinimized()) window.restore()
    window.focus()
  }
  const current = dataLocation?.dir
  if (current === undefined || !asksForAnotherFolder(requested, current)) return
  void currentText().then((t) => {
    const options: Electron.MessageBoxOptions = {
      type: 'info',
      title: t('second.title'),
      message: t('second.message'),
      detail: t('second.detail', { requested: requested as string, current }),
      buttons: [t('dialog.ok')],
    }
    return window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options)
  })
}

/** The OS's language (English or Korean); before the settings can be read. */
function systemText(): DesktopTranslate {
  return desktopTranslate(desktopLanguage(undefined, app.getPreferredSystemLanguages()))
}

/** The language chosen in Settings, else the OS's. */
async function currentText(): Promise<DesktopTranslate> {
  const settings = core ? await core.handlers['settings.get']({}, undefined) : undefined
  return desktopTranslate(desktopLanguage(settings?.language, app.getPreferredSystemLanguages()))
}
