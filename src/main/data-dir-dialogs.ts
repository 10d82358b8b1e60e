import { BrowserWindow, dialog } from 'electron'
import type { PendingDataDir } from '../core/data-location'

/** `settings.pickDataDir`: the native folder dialog; null when the person cancelled it. */
export async function pickFolder(): Promise<string | null> {
  const options: Electron.OpenDialogOptions = {
    title: 'Choose the data folder',
    properties: ['openDirectory', 'createDirectory'],
  }
  const parent = BrowserWindow.getFocusedWindow()
  const result = parent
    ? await dialog.showOpenDialog(parent, options)
    : await dialog.showOpenDialog(options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}

/** Asks before a data folder typed into a web page is used (and the data copied there). */
export async function confirmDataDirChange(change: PendingDataDir): Promise<boolean> {
  const copy = change.copyFrom
    ? ` Your history, keys and settings will be copied there from ${change.copyFrom} (the originals stay).`
    : ''
  const { response } = await dialog.showMessageBox({
    type: 'question',
    buttons: ['Use the new folder', 'Keep the current folder'],
    defaultId: 1,
    cancelId: 1,
    message: 'Use another data folder?',
    detail: `A Parallax web page chose ${change.dataDir} as the data folder.${copy} Parallax restarts to switch.`,
  })
  return response === 0
}
