import { fork, type ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BRIDGE_GLOBAL } from '../../src/shared/client'
import { events } from '../../src/shared/contract'
import type {
  CallingFrame,
  ChildMessage,
  Command,
  SmokeConfig,
  Violation,
  WindowInfo,
} from './messages'

const HERE = dirname(fileURLToPath(import.meta.url))
const DRIVER = join(HERE, 'child', 'driver.ts')
const REGISTER = join(HERE, 'register.ts')
/** Violations after which a window will never load. */
const FATAL_RULES = new Set([
  'uncaught',
  'unimplemented',
  'load-failed',
  'preload-esm',
  'needs-ready',
])
export const BUILT_MAIN = resolve(HERE, '../../out/main/index.js')

export interface StartOptions {
  /** The main-process script; the built app by default. */
  main?: string
  /** Holds Electron's default userData (`<home>/.config/Parallax`) and is the child's HOME. */
  home: string
  /** Added to the child's environment (e.g. PARALLAX_DATA_DIR). */
  env?: Record<string, string>
  config?: Partial<Omit<SmokeConfig, 'main' | 'page' | 'safeStorage'>> & {
    safeStorage?: Partial<SmokeConfig['safeStorage']>
  }
}

export interface Exit {
  code: number | null
  signal: NodeJS.Signals | null
  at: number
}

/** The test's end of one child process running a main-process script against the stand-in. */
export class SmokeApp {
  readonly log: ChildMessage[] = []
  readonly exited: Promise<Exit>
  readonly userData: string
  output = ''
  private nextId = 1
  private readonly waiters = new Set<() => void>()
  private readonly pending = new Map<number, (message: ChildMessage) => void>()
  private exit: Exit | undefined

  readonly child: ChildProcess

  constructor(child: ChildProcess, userData: string) {
    this.child = child
    this.userData = userData
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()))
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'reply') this.pending.get(message.id)?.(message)
      else this.log.push(message)
      this.wake()
    })
    this.exited = new Promise((done) =>
      child.once('exit', (code, signal) => {
        this.exit = { code, signal, at: Date.now() }
        for (const reject of this.pending.values()) {
          reject({ type: 'reply', id: -1, ok: false, error: `the app exited (${code})` })
        }
        this.wake()
        done(this.exit)
      }),
    )
  }

  get hasExited(): boolean {
    return this.exit !== undefined
  }

  violations(): Violation[] {
    return this.log.flatMap((m) => (m.type === 'violation' ? [m.violation] : []))
  }

  /** The windows open now, in the order they were created, as last reported. */
  windows(): WindowInfo[] {
    const latest = new Map<number, WindowInfo>()
    for (const m of this.log) {
      if (
        m.type === 'window-created' ||
        m.type === 'window-loaded' ||
        m.type === 'window-updated'
      ) {
        latest.set(m.window.id, m.window)
      }
      if (m.type === 'window-closed') latest.delete(m.id)
    }
    return [...latest.values()]
  }

  pageEvents(window: number, event?: string): { event: string; payload: unknown }[] {
    return this.log.flatMap((m) =>
      m.type === 'page-event' && m.window === window && (event === undefined || m.event === event)
        ? [{ event: m.event, payload: m.payload }]
        : [],
    )
  }

  dialogs(): { method: string; options: Record<string, unknown> }[] {
    return this.log.flatMap((m) =>
      m.type === 'dialog'
        ? [{ method: m.method, options: m.args[0] as Record<string, unknown> }]
        : [],
    )
  }

  appCalls(method?: string): unknown[][] {
    return this.log.flatMap((m) =>
      m.type === 'app-call' && (method === undefined || m.method === method) ? [m.args] : [],
    )
  }

  /** Resolves with `check()`'s first defined value; fails with the log when it takes too long. */
  waitFor<T>(check: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
    return new Promise((done, fail) => {
      const attempt = (): boolean => {
        const value = check()
        if (value === undefined) return false
        cleanup()
        done(value)
        return true
      }
      const timer = setTimeout(() => {
        cleanup()
        fail(new Error(`Timed out waiting for ${what}.\n${this.describe()}`))
      }, timeoutMs)
      const cleanup = (): void => {
        clearTimeout(timer)
        this.waiters.delete(onChange)
      }
      const onChange = (): void => {
        try {
          attempt()
        } catch (error) {
          cleanup()
          fail(new Error(`${(error as Error).message}\n${this.describe()}`))
        }
      }
      this.waiters.add(onChange)
      onChange()
    })
  }

  /** The first window, once its page loaded (its preload ran). */
  async mainWindow(): Promise<WindowInfo> {
    return this.waitFor(
      () => this.windows().find((w) => w.loaded) ?? this.failIfExited('a loaded window'),
      'the main window to load',
    )
  }

  command(command: Command): Promise<unknown> {
    if (this.exit) return Promise.reject(new Error(`The app has exited.\n${this.describe()}`))
    const id = this.nextId++
    return new Promise((done, fail) => {
      this.pending.set(id, (reply) => {
        this.pending.delete(id)
        if (reply.type !== 'reply') return
        if (reply.ok) done(reply.value)
        else fail(new Error(`${command.cmd}: ${reply.error}`))
      })
      this.child.send({ ...command, id })
    })
  }

  /** A contract call made by the page in `window`, from `frame`: the raw RpcResult. */
  invoke(window: number, method: string, input: unknown, frame: CallingFrame = 'main') {
    return this.command({ cmd: 'invoke', window, frame, method, input }) as Promise<{
      ok: boolean
      value?: unknown
      error?: { kind: string; message: string; code?: string }
    }>
  }

  async call<T>(window: number, method: string, input: unknown): Promise<T> {
    const result = await this.invoke(window, method, input)
    if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`)
    return result.value as T
  }

  /** Kills the process if it still runs. */
  async stop(): Promise<void> {
    if (!this.exit) this.child.kill('SIGKILL')
    await this.exited
  }

  describe(): string {
    const lines = this.log
      .filter((m) => m.type !== 'page-event' && m.type !== 'sent')
      .map((m) => JSON.stringify(m).slice(0, 400))
    return `--- messages ---\n${lines.join('\n')}\n--- output ---\n${this.output}`
  }

  /** Gives up at once when the app exited or broke in a way it cannot recover from. */
  private failIfExited(what: string): undefined {
    if (this.exit) throw new Error(`The app exited (${this.exit.code}) before ${what}.`)
    const fatal = this.violations().find((v) => FATAL_RULES.has(v.rule))
    if (fatal) throw new Error(`${fatal.rule} before ${what}: ${fatal.detail}`)
    return undefined
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter()
  }
}

/** Starts a main-process script in a child Node process with the stand-in `electron`. */
export function startSmokeApp(options: StartOptions): SmokeApp {
  const userData = join(options.home, '.config', 'Parallax')
  mkdirSync(userData, { recursive: true })
  const { safeStorage, ...rest } = options.config ?? {}
  const config: SmokeConfig = {
    main: options.main ?? BUILT_MAIN,
    appPath: resolve(HERE, '../..'),
    argv: [],
    userData,
    version: '0.1.0',
    isPackaged: false,
    singleInstanceLock: true,
    dialogs: {},
    ignoreAbortOrigins: [],
    ...rest,
    safeStorage: {
      key: '11'.repeat(32),
      available: true,
      backend: 'gnome_libsecret',
      ...safeStorage,
    },
    page: { bridge: BRIDGE_GLOBAL, events: Object.keys(events) },
  }
  // The test's own settings for these must not leak into the app.
  const unset = new Set(['NODE_OPTIONS', 'PARALLAX_DATA_DIR', 'ELECTRON_RENDERER_URL'])
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !unset.has(name)))
  const child = fork(DRIVER, [], {
    execArgv: ['--import', REGISTER],
    env: {
      ...env,
      HOME: options.home,
      XDG_CONFIG_HOME: join(options.home, '.config'),
      ...options.env,
      PARALLAX_SMOKE_CONFIG: JSON.stringify(config),
    },
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  return new SmokeApp(child, userData)
}
