import { BrowserWindow } from 'electron'
import { fileURLToPath } from 'node:url'
import { windowUrl } from './app-url'

/** A window showing the app; `route` (e.g. `#/c/<id>`) opens a conversation in it. */
export function createMainWindow(devServerUrl: string | undefined, route = ''): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    title: 'Parallax',
    show: false,
    backgroundColor: '#111318',
    webPreferences: {
      preload: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(windowUrl(devServerUrl, route))
  return window
}
