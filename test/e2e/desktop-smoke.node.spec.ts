import { expect, test } from '@playwright/test'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Connection } from '../../packages/llm/src/types'
import { CONTENT_SECURITY_POLICY } from '../../src/shared/content-security-policy'
import { runEventsIn, waitForRunDone } from '../desktop-smoke/run-events'
import { startSmokeApp, type SmokeApp, type StartOptions } from '../desktop-smoke/smoke-app'
import { startHeldStreamServer, type HeldStreamServer } from './support/held-stream-server'
import { hostRpc } from './support/host-rpc'
import { spawnUntil, stopChild } from './support/spawn-until'
import { startFakes, type RunningFakes } from './support/start-fakes'

// The built desktop app (out/main, out/preload, out/renderer) in Node 24 against a stand-in for
// Electron 45 that enforces Electron's own rules (test/desktop-smoke/RULES.md). Every scenario
// also fails on any rule the app breaks on the way.
let home: string
let dataDir: string
const apps: SmokeApp[] = []

test.beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'parallax-smoke-'))
  dataDir = join(home, 'data')
})
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop()
  rmSync(home, { recursive: true, force: true })
})

function start(options: Partial<StartOptions> = {}): SmokeApp {
  const app = startSmokeApp({
    home,
    ...options,
    env: { PARALLAX_DATA_DIR: dataDir, ...options.env },
  })
  apps.push(app)
  return app
}

async function value<T>(app: SmokeApp, window: number, method: string, input: unknown) {
  return app.call<T>(window, method, input)
}

function noViolations(app: SmokeApp): void {
  expect(app.violations(), app.describe()).toEqual([])
}

test('starts: a sandboxed window on app://parallax/index.html, served with the CSP; a missing file is a 404', async () => {
  // electron-vite's preview sets ELECTRON_RENDERER_URL to nothing: that is no dev server.
  const app = start({ env: { ELECTRON_RENDERER_URL: '' } })
  const window = await app.mainWindow()
  expect(window.url).toBe('app://parallax/index.html')
  expect(window.webPreferences).toMatchObject({
    preload: resolve('out/preload/index.cjs'),
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
  })
  await app.waitFor(() => app.windows()[0]?.shown || undefined, 'the window to show')

  const index = (await app.command({ cmd: 'fetch', url: 'app://parallax/index.html' })) as {
    status: number
    headers: Record<string, string>
    body: string
  }
  expect(index.status).toBe(200)
  expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
  expect(index.headers['x-content-type-options']).toBe('nosniff')
  expect(index.body).toContain('<div id="root">')
  for (const url of [
    'app://parallax/assets/no-such-file.js',
    'app://parallax/%2e%2e/%2e%2e/package.json',
    'app://elsewhere/index.html',
  ]) {
    expect(await app.command({ cmd: 'fetch', url }), url).toMatchObject({ status: 404 })
  }

  // Electron's userData stays its default: the single-instance lock guards it (one app per OS
  // user), and the data folder goes to the core only.
  expect(app.appCalls('requestSingleInstanceLock')).toEqual([[app.userData]])
  expect(app.appCalls('setPath')).toEqual([])
  noViolations(app)
})

test('the contract over IPC: answered for the app’s main frame only', async () => {
  const app = start()
  const { id: window } = await app.mainWindow()
  const info = await value<{ host: string; dataDir: string }>(app, window, 'app.info', {})
  expect(info).toMatchObject({ host: 'electron', dataDir })
  expect(info.dataDir).not.toBe(app.userData)
  expect(existsSync(join(dataDir, 'history.sqlite'))).toBe(true)
  expect(readdirSync(app.userData)).not.toContain('history.sqlite')

  for (const frame of ['sub', 'null', 'foreign'] as const) {
    expect(await app.invoke(window, 'app.info', {}, frame), frame).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
  }
  expect(await app.invoke(window, 'no.such.method', {})).toMatchObject({ ok: false })
  noViolations(app)
})

test('the page guards: navigation, new windows, permissions (Copy allowed), context menu', async () => {
  const app = start()
  const { id: window } = await app.mainWindow()
  const navigate = (url: string) =>
    app.command({ cmd: 'navigate', window, url, kind: 'will-navigate' })
  expect(await navigate('https://evil.example/')).toBe(false)
  expect(await navigate('file:///etc/passwd')).toBe(false)
  expect(await navigate('app://parallax/index.html#/settings')).toBe(true)
  expect(await app.command({ cmd: 'window-open', window, url: 'https://example.com/docs' })).toBe(
    'deny',
  )
  expect(await app.command({ cmd: 'window-open', window, url: 'file:///etc/passwd' })).toBe('deny')
  expect(app.appCalls('shell.openExternal')).toEqual([['https://example.com/docs']])

  // navigator.clipboard.writeText needs clipboard-sanitized-write (electron/electron#37173).
  const check = (frame: 'main' | 'sub' | 'foreign', permission: string, withoutContents = false) =>
    app.command({ cmd: 'permission-check', window, frame, permission, withoutContents })
  expect(await check('main', 'clipboard-sanitized-write')).toBe(true)
  expect(await check('sub', 'clipboard-sanitized-write')).toBe(false)
  expect(await check('foreign', 'clipboard-sanitized-write')).toBe(false)
  expect(await check('main', 'clipboard-sanitized-write', true)).toBe(false)
  expect(await check('main', 'clipboard-read')).toBe(false)
  expect(await check('main', 'geolocation')).toBe(false)
  const request = (frame: 'main' | 'sub', permission: string) =>
    app.command({ cmd: 'permission-request', window, frame, permission })
  expect(await request('main', 'clipboard-sanitized-write')).toBe(true)
  expect(await request('sub', 'clipboard-sanitized-write')).toBe(false)
  expect(await request('main', 'media')).toBe(false)

  // A right-click on a misspelt word in a text field: suggestions, then Cut / Copy / Paste.
  const items = (await app.command({
    cmd: 'context-menu',
    window,
    params: {
      isEditable: true,
      selectionText: 'teh',
      misspelledWord: 'teh',
      dictionarySuggestions: ['the', 'ten'],
      editFlags: { canCut: true, canCopy: true, canPaste: true, canSelectAll: true },
    },
  })) as { label?: string; role?: string }[] | null
  expect(items, 'no context menu popped up').not.toBeNull()
  expect(items?.map((item) => item.label)).toEqual(expect.arrayContaining(['the', 'ten']))
  expect(items?.map((item) => item.role)).toEqual(expect.arrayContaining(['cut', 'copy', 'paste']))
  await app.command({ cmd: 'click-menu-item', index: 0 })
  expect(app.appCalls('webContents.replaceMisspelling')).toEqual([['the']])
  noViolations(app)
})

test('one app per OS user: a second launch quits at once; the first focuses, or says to quit for another folder', async () => {
  const first = start()
  await first.mainWindow()
  const focuses = () => first.log.filter((m) => m.type === 'window-updated' && m.window.focused)
  const focusedBefore = focuses().length
  await first.command({ cmd: 'second-instance', argv: ['parallax'], cwd: home })
  await first.waitFor(
    () => focuses().length > focusedBefore || undefined,
    'the first window to be focused',
  )
  const otherDir = join(home, 'other-data')
  await first.command({
    cmd: 'second-instance',
    argv: ['parallax', '--data-dir', otherDir],
    cwd: home,
  })
  const dialog = await first.waitFor(() => first.dialogs()[0], 'a dialog about the other folder')
  expect(JSON.stringify(dialog.options)).toContain(otherDir)
  expect(first.hasExited).toBe(false)
  noViolations(first)

  // The second process does not get the lock: it quits without a window or touching a folder.
  const secondDir = join(home, 'second-data')
  const second = start({
    env: { PARALLAX_DATA_DIR: secondDir },
    config: { singleInstanceLock: false },
  })
  const exit = await second.exited
  expect(exit.code).toBe(0)
  expect(second.windows()).toEqual([])
  expect(existsSync(join(secondDir, 'history.sqlite'))).toBe(false)
  noViolations(second)
})

test('a fatal start-up error is shown in a dialog, not a silent quit', async () => {
  // settings.json as a folder: Parallax cannot read its settings, which it cannot recover from.
  mkdirSync(join(dataDir, 'settings.json'), { recursive: true })
  const app = start()
  const exit = await app.exited
  const shown = app.dialogs()
  expect(shown, app.describe()).not.toEqual([])
  expect(JSON.stringify(shown)).toMatch(/EISDIR|settings/)
  expect(exit.code).not.toBeNull()
  noViolations(app)
})

test.describe('with the fake providers', () => {
  let fakes: RunningFakes
  test.beforeAll(async () => {
    fakes = await startFakes()
  })
  test.afterAll(async () => {
    await fakes?.stop()
  })

  function fakeOpenAi() {
    const fake = fakes.connections.openai as Connection & { apiKey: string; baseURL: string }
    return { apiKey: fake.apiKey, baseURL: fake.baseURL }
  }

  test('a streamed chat reaches the window; a second window hears of runs it does not show but not their text', async () => {
    const app = start()
    const { id: first } = await app.mainWindow()
    const { id: connectionId } = await value<{ id: string }>(app, first, 'connections.create', {
      provider: 'openai',
      label: 'fake openai',
      fields: fakeOpenAi(),
    })
    const chat = (prompt: string, conversationId?: string) =>
      value<{ conversationId: string; runId: string }>(app, first, 'runs.startChat', {
        connectionId,
        model: 'gpt-4.1-mini',
        prompt,
        ...(conversationId ? { conversationId } : {}),
      })

    const one = await chat('Say something in a few words')
    expect(await waitForRunDone(app, first, one.runId)).toMatchObject({ status: 'done' })
    const streamed = runEventsIn(app, first, one.runId)
    expect(streamed.started).toHaveLength(1)
    expect(streamed.deltas.length).toBeGreaterThan(0)
    expect(streamed.deltas.map((d) => d.seq)).toEqual(streamed.deltas.map((_, i) => i + 1))
    type Detail = { runs: { id: string; answer: string; status: string }[] }
    const saved = await value<Detail>(app, first, 'history.get', { id: one.conversationId })
    const answer = saved.runs.find((run) => run.id === one.runId)?.answer
    expect(streamed.deltas.map((d) => d.answer).join('')).toBe(answer)

    // A second window on another conversation, opened from the first.
    const two = await chat('And another answer')
    await waitForRunDone(app, first, two.runId)
    expect(
      await value(app, first, 'app.openWindow', { conversationId: two.conversationId }),
    ).toEqual({ opened: true })
    const second = await app.waitFor(
      () => app.windows().find((w) => w.id !== first && w.loaded),
      'the second window to load',
    )
    // It shows that conversation on its own (no sidebar): the #/w/ route.
    expect(second.url).toBe(`app://parallax/index.html#/w/${two.conversationId}`)
    await value(app, second.id, 'history.get', { id: two.conversationId })

    // A follow-up in the first conversation, which only the first window shows.
    const three = await chat('One more, please', one.conversationId)
    await waitForRunDone(app, first, three.runId)
    expect(runEventsIn(app, first, three.runId).deltas.length).toBeGreaterThan(0)
    const heard = await app.waitFor(() => {
      const events = runEventsIn(app, second.id, three.runId)
      return events.done.length > 0 ? events : undefined
    }, 'run.done of the follow-up in the second window')
    expect(heard.started).toHaveLength(1)
    expect(heard.done).toHaveLength(1)
    expect(heard.deltas).toEqual([])
    noViolations(app)
  })

  test('a vault the keychain can no longer decrypt: the window opens and asks for the keys again', async () => {
    const first = start()
    const { id: window } = await first.mainWindow()
    const { id } = await value<{ id: string }>(first, window, 'connections.create', {
      provider: 'openai',
      label: 'fake openai',
      fields: fakeOpenAi(),
    })
    await first.command({ cmd: 'quit' })
    expect((await first.exited).code).toBe(0)
    noViolations(first)

    // The same folder, another keychain key (a reset keyring, or the folder on another machine).
    const second = start({ config: { safeStorage: { key: '22'.repeat(32) } } })
    const { id: again } = await second.mainWindow()
    const { notices } = await value<{ notices: { code: string }[] }>(
      second,
      again,
      'app.notices',
      {},
    )
    expect(notices.map((n) => n.code)).toContain('vault.keychain_changed')
    type Listed = { connections: { id: string; secrets: Record<string, unknown> }[] }
    const listed = await value<Listed>(second, again, 'connections.list', {})
    expect(listed.connections.find((c) => c.id === id)?.secrets.apiKey).toMatchObject({
      set: false,
      reenter: true,
    })
    noViolations(second)
  })

  test('encryption unavailable: the window still opens and the app works without saved keys', async () => {
    const app = start({ config: { safeStorage: { available: false } } })
    const { id: window } = await app.mainWindow()
    expect(await value(app, window, 'app.info', {})).toMatchObject({ host: 'electron' })
    // It says so: the vault reports keys cannot be protected here.
    expect(await app.invoke(window, 'vault.status', {})).toMatchObject({
      ok: true,
      value: { secure: false },
    })
    noViolations(app)
  })
})

test.describe('quitting while a run streams', () => {
  let server: HeldStreamServer
  test.afterEach(async () => {
    await server?.close()
  })

  test('the run is saved as interrupted with its text, the app exits in bounded time, the folder is free', async () => {
    server = await startHeldStreamServer('The first half, ', 'and the second half.')
    // The provider call ignores its abort signal, as a misbehaving SDK would.
    const app = start({ config: { ignoreAbortOrigins: [new URL(server.baseURL).origin] } })
    const { id: window } = await app.mainWindow()
    const { id: connectionId } = await value<{ id: string }>(app, window, 'connections.create', {
      provider: 'openai-compatible',
      label: 'Held stream',
      fields: { baseURL: server.baseURL, apiKey: 'sk-local-key-stays-in-the-vault-0000' },
    })
    const { conversationId, runId } = await value<{ conversationId: string; runId: string }>(
      app,
      window,
      'runs.startChat',
      { connectionId, model: 'held', prompt: 'Answer in two halves' },
    )
    await server.started
    await app.waitFor(
      () => runEventsIn(app, window, runId).deltas.find((d) => d.answer.includes('first half')),
      'the first half to stream',
    )

    const asked = Date.now()
    await app.command({ cmd: 'quit' })
    const exit = await app.exited
    expect(exit.code).toBe(0)
    expect(exit.at - asked).toBeLessThan(8_000)
    noViolations(app)

    // A web host can take the folder at once, and finds the run with its text, `interrupted`:
    // quitting cut it, no person stopped it (`stopped` is only a person's Stop).
    const { child, match } = await spawnUntil(
      [resolve('out/server/cli.js'), '--port', '0', '--data-dir', dataDir],
      /^Parallax is running at http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+)$/m,
    )
    try {
      const host = { origin: `http://127.0.0.1:${match[1]}`, token: match[2] as string }
      const detail = await hostRpc(host, 'history.get', { id: conversationId })
      const run = (detail.value as { runs: { id: string; status: string; answer: string }[] })
        .runs[0]
      expect(run).toMatchObject({ id: runId, status: 'interrupted', answer: 'The first half, ' })
    } finally {
      await stopChild(child)
    }
  })
})
