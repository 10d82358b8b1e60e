/**
 * The module `electron` resolves to in the smoke test's child process (see electron-hook.ts):
 * a recording stand-in for Electron 45's main-process API that enforces the rules in RULES.md.
 */
import { app } from './stand-in/app.ts'
import { BrowserWindow } from './stand-in/browser-window.ts'
import { dialog } from './stand-in/dialog.ts'
import { ipcMain } from './stand-in/ipc-main.ts'
import { Menu, MenuItem } from './stand-in/menu.ts'
import { clipboard, nativeTheme, shell } from './stand-in/misc.ts'
import { net, protocol } from './stand-in/protocol.ts'
import { safeStorage } from './stand-in/safe-storage.ts'
import { session } from './stand-in/session.ts'

export {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  MenuItem,
  nativeTheme,
  net,
  protocol,
  safeStorage,
  session,
  shell,
}
