import { EventEmitter } from 'node:events'
import { existsSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { guarded, requireBeforeReady, violate } from './rules.ts'
import { config, makeEvent, state } from './state.ts'

/** Where `app.requestSingleInstanceLock()` was asked from (the lock is scoped to `userData`). */
const lockRecord: { userData?: string; calls: number } = { calls: 0 }

class App extends EventEmitter {
  private readonly paths = new Map<string, string>()
  private resolveReady: () => void = () => {}
  private readonly readyPromise = new Promise<void>((done) => (this.resolveReady = done))
  private hasLock = false
  name = 'Parallax'

  get isPackaged(): boolean {
    return config().isPackaged
  }

  isReady(): boolean {
    return state.ready
  }

  whenReady(): Promise<void> {
    return this.readyPromise
  }

  /** Called by the driver once the main script has run, as Electron does. */
  becomeReady(): void {
    if (state.ready || state.ending) return
    state.ready = true
    this.emit('will-finish-launching')
    this.emit('ready', makeEvent(), {})
    this.resolveReady()
  }

  getVersion(): string {
    return config().version
  }

  getName(): string {
    return this.name
  }

  getLocale(): string {
    return 'en-US'
  }

  getPreferredSystemLanguages(): string[] {
    return ['en-US']
  }

  getPath(name: string): string {
    const set = this.paths.get(name)
    if (set !== undefined) return set
    const userData = config().userData
    const known: Record<string, string> = {
      home: homedir(),
      appData: dirname(userData),
      userData,
      sessionData: this.paths.get('userData') ?? userData,
      temp: tmpdir(),
      logs: join(this.paths.get('userData') ?? userData, 'logs'),
      exe: process.execPath,
    }
    const path = known[name]
    if (path === undefined) throw new Error(`Failed to get '${name}' path`)
    return path
  }

  setPath(name: string, path: string): void {
    state.report({ type: 'app-call', method: 'setPath', args: [name, path] })
    if (name === 'userData' || name === 'sessionData') requireBeforeReady(`app.setPath('${name}')`)
    if (!existsSync(path)) {
      violate('set-path-missing-dir', `app.setPath('${name}', ${path}): no such folder.`)
      throw new Error(`Failed to set path: ${path} does not exist`)
    }
    this.paths.set(name, path)
  }

  requestSingleInstanceLock(_additionalData?: Record<string, unknown>): boolean {
    lockRecord.calls++
    lockRecord.userData = this.getPath('userData')
    state.report({
      type: 'app-call',
      method: 'requestSingleInstanceLock',
      args: [lockRecord.userData],
    })
    this.hasLock = config().singleInstanceLock
    return this.hasLock
  }

  hasSingleInstanceLock(): boolean {
    return this.hasLock
  }

  releaseSingleInstanceLock(): void {
    this.hasLock = false
  }

  /** Electron's order: before-quit (preventable), windows close, will-quit (preventable), quit. */
  quit(): void {
    if (state.ending) return
    state.report({ type: 'app-call', method: 'quit', args: [] })
    const beforeQuit = makeEvent()
    this.emit('before-quit', beforeQuit)
    if (beforeQuit.defaultPrevented) return
    closeAllWindows()
    const willQuit = makeEvent()
    this.emit('will-quit', willQuit)
    if (willQuit.defaultPrevented) return
    this.emit('quit', makeEvent(), 0)
    state.ending = true
    state.exit(0, 'quit')
  }

  /** Exits at once: no before-quit or will-quit. */
  exit(code = 0): void {
    if (state.ending) return
    state.report({ type: 'app-call', method: 'exit', args: [code] })
    state.ending = true
    state.exit(code, 'exit')
  }

  relaunch(options?: unknown): void {
    state.report({ type: 'app-call', method: 'relaunch', args: options ? [options] : [] })
  }

  focus(): void {}

  setAppUserModelId(_id: string): void {}
}

/** Set by browser-window.ts: closes every window when the app quits. */
export const windowHooks = { closeAll: (): void => {} }

function closeAllWindows(): void {
  windowHooks.closeAll()
}

export const appInstance = new App()
export const app = guarded('app', appInstance)
