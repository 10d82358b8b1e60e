import { EventEmitter } from 'node:events'
import type { WindowInfo } from '../messages.ts'
import { appInstance, windowHooks } from './app.ts'
import { guarded, requireReady, violate } from './rules.ts'
import { makeEvent, state } from './state.ts'
import { StandInWebContents } from './web-contents.ts'

const windows: StandInBrowserWindow[] = []
let focusedId: number | null = null
let nextWindowId = 1

/**
 * The security baseline of every window (docs: tutorial/security.md, checklist items 2–4 and
 * 6): a sandboxed renderer without Node, isolated from its preload, with web security on.
 */
function checkPreferences(preferences: Record<string, unknown>): void {
  const wrong: string[] = []
  if (preferences.sandbox !== true) wrong.push('sandbox must be true')
  if (preferences.contextIsolation === false) wrong.push('contextIsolation must not be false')
  if (preferences.nodeIntegration === true) wrong.push('nodeIntegration must not be true')
  if (preferences.nodeIntegrationInSubFrames === true) {
    wrong.push('nodeIntegrationInSubFrames must not be true')
  }
  if (preferences.webSecurity === false) wrong.push('webSecurity must not be false')
  if (wrong.length > 0) violate('web-preferences', wrong.join('; '))
}

class StandInBrowserWindow extends EventEmitter {
  readonly id = nextWindowId++
  readonly webContents: StandInWebContents
  private readonly preferences: Record<string, unknown>
  private shown = false
  private minimized = false
  private destroyed = false
  private title: string

  static getAllWindows(): StandInBrowserWindow[] {
    return windows.filter((window) => !window.destroyed)
  }

  static getFocusedWindow(): StandInBrowserWindow | null {
    return StandInBrowserWindow.getAllWindows().find((w) => w.id === focusedId) ?? null
  }

  static fromWebContents(contents: { id: number }): StandInBrowserWindow | null {
    return windows.find((window) => window.webContents.id === contents.id) ?? null
  }

  static fromId(id: number): StandInBrowserWindow | null {
    return windows.find((window) => window.id === id) ?? null
  }

  /** "This module cannot be used until the ready event of the app module is emitted." */
  constructor(options: Record<string, unknown> = {}) {
    super()
    requireReady('new BrowserWindow()')
    this.preferences = { ...(options.webPreferences as Record<string, unknown> | undefined) }
    this.title = typeof options.title === 'string' ? options.title : 'Electron'
    checkPreferences(this.preferences)
    const contents = new StandInWebContents(this.preferences)
    this.webContents = guarded('webContents', contents)
    const self = guarded('BrowserWindow instance', this)
    windows.push(self)
    state.report({ type: 'window-created', window: this.info() })
    appInstance.emit('web-contents-created', makeEvent(), this.webContents)
    contents.on('page-ready', () => {
      state.report({ type: 'window-loaded', window: this.info() })
      self.emit('ready-to-show')
    })
    if (options.show !== false) self.show()
    return self
  }

  info(): WindowInfo {
    return {
      id: this.webContents.id,
      url: this.webContents.getURL(),
      loaded: this.webContents.page !== undefined,
      shown: this.shown,
      focused: focusedId === this.id,
      webPreferences: { ...this.preferences },
    }
  }

  loadURL(url: string, _options?: object): Promise<void> {
    this.live('loadURL')
    return this.webContents.loadURL(url)
  }

  show(): void {
    this.live('show')
    this.shown = true
    this.focus()
  }

  focus(): void {
    this.live('focus')
    focusedId = this.id
    state.report({ type: 'window-updated', window: this.info() })
  }

  isFocused(): boolean {
    return focusedId === this.id
  }

  isVisible(): boolean {
    return this.shown && !this.minimized
  }

  isMinimized(): boolean {
    return this.minimized
  }

  minimize(): void {
    this.minimized = true
  }

  restore(): void {
    this.live('restore')
    this.minimized = false
  }

  hide(): void {
    this.shown = false
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  getTitle(): string {
    return this.title
  }

  setTitle(title: string): void {
    this.title = title
  }

  setMenuBarVisibility(_visible: boolean): void {}
  setAutoHideMenuBar(_hide: boolean): void {}
  removeMenu(): void {}

  /** As a click on the close button: 'close' may be prevented, then 'closed'. */
  close(): void {
    if (this.destroyed) return
    const event = makeEvent()
    this.emit('close', event)
    if (event.defaultPrevented) return
    this.destroy()
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    if (focusedId === this.id) focusedId = null
    this.webContents.destroy()
    this.emit('closed')
    state.report({ type: 'window-closed', id: this.webContents.id })
    if (StandInBrowserWindow.getAllWindows().length === 0 && !quitting) allClosed()
  }

  private live(method: string): void {
    if (this.destroyed) {
      violate('destroyed', `BrowserWindow.${method}() on a destroyed window.`)
      throw new Error('Object has been destroyed')
    }
  }
}

let quitting = false

/** "If you do not subscribe to this event and all windows are closed, the default behavior is
 * to quit the app" (electron.d.ts, App 'window-all-closed'). */
function allClosed(): void {
  if (appInstance.listenerCount('window-all-closed') === 0) appInstance.quit()
  else appInstance.emit('window-all-closed')
}

windowHooks.closeAll = () => {
  quitting = true
  for (const window of StandInBrowserWindow.getAllWindows()) window.destroy()
}

export const BrowserWindow = guarded('BrowserWindow', StandInBrowserWindow)
