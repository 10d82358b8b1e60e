import { BrowserWindow, dialog } from 'electron'
import type { PendingDataDir } from '../core/index'
import type { DesktopTranslate } from './desktop-text'

/**
 * `settings.pickDataDir`: the native folder dialog, as a sheet of the app's window when there is
 * one (the focused window, else the first); null when the person cancelled it.
 */
export async function pickFolder(t: DesktopTranslate): Promise<string | null> {
  const options: Electron.OpenDialogOptions = {
    title: t('pick.title'),
    buttonLabel: t('pick.button'),
    properties: ['openDirectory', 'createDirectory'],
  }
  const parent = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
  const result = parent
    ? await dialog.showOpenDialog(parent, options)
    : await dialog.showOpenDialog(options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}

/**
 * Asks before a data folder typed into a web page is used (and the data copied there). Runs
 * after `ready` and before any window exists, so the message box has no parent.
 */
export async function confirmDataDirChange(
  change: PendingDataDir,
  t: DesktopTranslate,
): Promise<boolean> {
  const copy = change.copyFrom ? t('confirm.copy', { from: change.copyFrom }) : ''
  const { response } = await dialog.showMessageBox({
    type: 'question',
    buttons: [t('confirm.use'), t('confirm.keep')],
    defaultId: 1,
    cancelId: 1,
    message: t('confirm.message'),
    detail: t('confirm.detail', { dir: change.dataDir, copy }),
  })
  return response === 0
}
