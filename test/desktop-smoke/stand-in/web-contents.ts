import { EventEmitter } from 'node:events'
import type { CallingFrame } from '../messages.ts'
import { sendAcrossIpc } from './clone-check.ts'
import { StandInFrame } from './frames.ts'
import { ipcMainInstance } from './ipc-main.ts'
import { readPreload, runPreload, type PageWorld } from './preload-sandbox.ts'
import { isStandardScheme, requestScheme } from './protocol.ts'
import { callHandler, violate } from './rules.ts'
import { defaultSessionForWindows } from './session.ts'
import { makeEvent, state } from './state.ts'

/** Where a page on another origin lives, for "the main frame navigated away" calls. */
export const FOREIGN_URL = 'https://evil.example/phish.html'

type OpenHandler = (details: object) => unknown

let nextId = 1

/** A window's web contents: its frames, its page (after the preload ran), IPC to and from it. */
export class StandInWebContents extends EventEmitter {
  readonly id = nextId++
  readonly mainFrame: StandInFrame
  /** An iframe of the app's own origin: still not the main frame. */
  readonly subFrame: StandInFrame
  page: PageWorld | undefined
  /** Which frame the next IPC call comes from (set by the driver around a call). */
  callingFrame: CallingFrame = 'main'
  private committedUrl = ''
  private destroyed = false
  private openHandler: OpenHandler | undefined
  private readonly preferences: Record<string, unknown>

  constructor(preferences: Record<string, unknown>) {
    super()
    this.preferences = preferences
    const top = (): StandInFrame => this.mainFrame
    this.mainFrame = new StandInFrame({
      id: this.id * 100,
      name: '',
      url: () => (this.callingFrame === 'foreign' ? FOREIGN_URL : this.committedUrl),
      top,
      parent: null,
    })
    this.subFrame = new StandInFrame({
      id: this.id * 100 + 1,
      name: 'embedded',
      url: () => new URL('/embedded.html', this.committedUrl || 'app://invalid/').href,
      top,
      parent: this.mainFrame,
    })
  }

  get session(): object {
    return defaultSessionForWindows()
  }

  getURL(): string {
    return this.committedUrl
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  isLoading(): boolean {
    return false
  }

  /** Main → renderer: structured-cloned, delivered to the page's ipcRenderer listeners. */
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) {
      violate('destroyed', `webContents.send('${channel}') on destroyed web contents.`)
      throw new Error('Object has been destroyed')
    }
    const copy = sendAcrossIpc(args, `webContents.send('${channel}')`) as unknown[]
    state.report({ type: 'sent', window: this.id, channel, args: copy })
    const page = this.page
    if (page) setImmediate(() => page.ipcRenderer.emit(channel, { sender: {} }, ...copy))
  }

  setWindowOpenHandler(handler: OpenHandler): void {
    this.openHandler = handler
  }

  /** A page's `window.open(url)`: the handler decides with the real HandlerDetails shape. */
  requestWindowOpen(url: string): 'allow' | 'deny' {
    const handler = this.openHandler
    if (!handler) return 'allow'
    const details = {
      url,
      frameName: '',
      features: '',
      disposition: 'foreground-tab',
      referrer: { url: this.committedUrl, policy: 'strict-origin-when-cross-origin' },
    }
    const result = callHandler('the window open handler', () => handler(details)) as
      { action?: unknown } | undefined
    if (result?.action !== 'allow' && result?.action !== 'deny') {
      violate('window-open-result', `it returned ${JSON.stringify(result)} for ${url}.`)
      return 'deny'
    }
    return result.action
  }

  /** A navigation the page starts: listeners get Event<params> plus the deprecated arguments. */
  requestNavigation(kind: 'will-navigate' | 'will-redirect', url: string): boolean {
    const event = makeEvent({
      url,
      isSameDocument: false,
      isMainFrame: true,
      frame: this.mainFrame,
      initiator: this.mainFrame,
    })
    callHandler(`a ${kind} listener`, () =>
      this.emit(kind, event, url, false, true, this.mainFrame.processId, this.mainFrame.routingId),
    )
    return !event.defaultPrevented
  }

  /** A right-click in the page, with Electron's ContextMenuParams shape. */
  openContextMenu(params: Record<string, unknown>): void {
    const full = {
      x: 10,
      y: 10,
      frame: this.mainFrame,
      linkURL: '',
      linkText: '',
      pageURL: this.committedUrl,
      frameURL: this.committedUrl,
      srcURL: '',
      mediaType: 'none',
      hasImageContents: false,
      isEditable: false,
      selectionText: '',
      titleText: '',
      altText: '',
      suggestedFilename: '',
      misspelledWord: '',
      dictionarySuggestions: [],
      frameCharset: 'UTF-8',
      formControlType: 'none',
      spellcheckEnabled: true,
      menuSourceType: 'mouse',
      editFlags: {
        canUndo: false,
        canRedo: false,
        canCut: false,
        canCopy: false,
        canPaste: false,
        canDelete: false,
        canSelectAll: true,
        canEditRichly: false,
      },
      ...params,
    }
    callHandler('a context-menu listener', () => this.emit('context-menu', makeEvent(), full))
  }

  loadURL(url: string): Promise<void> {
    const loading = this.load(url)
    // "A noop rejection handler is already attached" (electron.d.ts, webContents.loadURL).
    loading.catch(() => {})
    return loading
  }

  private async load(url: string): Promise<void> {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      violate('load-failed', `loadURL(${JSON.stringify(url)}): ERR_INVALID_URL.`)
      this.emit('did-fail-load', makeEvent(), -300, 'ERR_INVALID_URL', url, true)
      throw new Error(`ERR_INVALID_URL (-300) loading '${url}'`)
    }
    const scheme = parsed.protocol.slice(0, -1)
    if (scheme !== 'http' && scheme !== 'https' && scheme !== 'file') {
      if (!isStandardScheme(scheme)) {
        violate('scheme-not-privileged', `${url}: ${scheme}:// is not a standard, secure scheme.`)
      }
      const response = await requestScheme(url)
      if (response.error || (response.status ?? 0) >= 400) {
        const why = response.error ?? `HTTP ${response.status}`
        violate('load-failed', `loadURL(${url}): ${why}.`)
        this.emit('did-fail-load', makeEvent(), -2, why, url, true)
        throw new Error(`${why} loading '${url}'`)
      }
    }
    this.committedUrl = url
    try {
      this.page = this.startPage()
    } catch (error) {
      violate(
        'load-failed',
        `${url}: the preload failed: ${(error as Error).stack ?? String(error)}`,
      )
      throw error
    }
    this.emit('dom-ready', makeEvent())
    this.emit('did-finish-load', makeEvent())
    this.emit('page-ready')
  }

  /** The preload runs at commit, before any page script. */
  private startPage(): PageWorld | undefined {
    const path = this.preferences.preload
    if (path === undefined) return { mainWorld: {}, ipcRenderer: new EventEmitter() }
    const source = readPreload(path)
    if (source === undefined) return undefined
    return runPreload(path as string, source, {
      contextIsolation: this.preferences.contextIsolation !== false,
      invoke: async (channel, args) => {
        const frame = this.frameOfCall()
        await new Promise((done) => setImmediate(done))
        return ipcMainInstance.invokeFrom(this, frame, channel, args)
      },
    })
  }

  private frameOfCall(): StandInFrame | null {
    if (this.callingFrame === 'null') return null
    return this.callingFrame === 'sub' ? this.subFrame : this.mainFrame
  }

  /** Closing: 'destroyed' fires and the contents can no longer be used. */
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.emit('destroyed')
  }

  focus(): void {}
  openDevTools(): void {}
  isDevToolsOpened(): boolean {
    return false
  }
  replaceMisspelling(word: string): void {
    state.report({ type: 'app-call', method: 'webContents.replaceMisspelling', args: [word] })
  }
  copy(): void {
    state.report({ type: 'app-call', method: 'webContents.copy', args: [] })
  }
  paste(): void {
    state.report({ type: 'app-call', method: 'webContents.paste', args: [] })
  }
  cut(): void {
    state.report({ type: 'app-call', method: 'webContents.cut', args: [] })
  }
  selectAll(): void {
    state.report({ type: 'app-call', method: 'webContents.selectAll', args: [] })
  }
  undo(): void {}
  redo(): void {}
}
