import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startSmokeApp, type SmokeApp } from './smoke-app'
import { cloneProblem } from './stand-in/clone-check.ts'
import { RULES } from './stand-in/rules.ts'

// The stand-in must not be a yes-man: each mistake a real Electron refuses is refused here, and a
// well-behaved app gets through with no violation at all.
const FIXTURES = resolve(import.meta.dirname, 'fixtures')
const FIXTURE_APP = join(FIXTURES, 'fixture-app.mjs')

let home: string
let app: SmokeApp | undefined

afterEach(async () => {
  await app?.stop()
  app = undefined
  if (home) rmSync(home, { recursive: true, force: true })
})

function start(mode: string, preload = 'preload-cjs.cjs', main = FIXTURE_APP): SmokeApp {
  home = mkdtempSync(join(tmpdir(), 'parallax-stand-in-'))
  app = startSmokeApp({
    main,
    home,
    env: { FIXTURE_MODE: mode, FIXTURE_PRELOAD: join(FIXTURES, preload) },
  })
  return app
}

function rules(of: SmokeApp): string[] {
  return of.violations().map((v) => v.rule)
}

async function loaded(of: SmokeApp): Promise<number> {
  await of.waitFor(() => of.log.find((m) => m.type === 'loaded'), 'the main script to load')
  return (await of.mainWindow()).id
}

describe('the stand-in electron', () => {
  it('lets a well-behaved app through: window, page, IPC reply, app:// response', async () => {
    const smoke = start('good')
    const window = await loaded(smoke)
    expect(await smoke.invoke(window, 'good', {})).toEqual({
      ok: true,
      value: { list: [1, 2], when: new Date(0) },
    })
    expect(await smoke.command({ cmd: 'fetch', url: 'app://fixture/' })).toMatchObject({
      status: 200,
      body: '<h1>fixture</h1>',
    })
    expect(smoke.violations()).toEqual([])
  })

  it('refuses a BrowserWindow made before ready', async () => {
    const smoke = start('good', undefined, join(FIXTURES, 'window-before-ready.mjs'))
    await smoke.waitFor(() => smoke.violations()[0], 'a violation')
    expect(smoke.violations()[0]).toMatchObject({
      rule: 'needs-ready',
      detail: 'new BrowserWindow() was used before the app was ready.',
    })
  })

  it('refuses registerSchemesAsPrivileged after ready', async () => {
    const smoke = start('late-scheme')
    await loaded(smoke)
    expect(rules(smoke)).toContain('before-ready-only')
  })

  it('rejects an IPC reply that cannot be cloned, as Electron does', async () => {
    const smoke = start('good')
    const window = await loaded(smoke)
    await expect(smoke.invoke(window, 'function', {})).rejects.toThrow(
      /Error invoking remote method 'fixture:rpc': Error: An object could not be cloned/,
    )
    expect(rules(smoke)).toEqual(['ipc-not-cloneable'])
  })

  it('flags replies that lose their prototype: a class instance, an Error', async () => {
    const smoke = start('good')
    const window = await loaded(smoke)
    expect(await smoke.invoke(window, 'class', {})).toEqual({ ok: true, value: { value: 21 } })
    await smoke.invoke(window, 'error', {})
    expect(smoke.violations().map((v) => v.detail)).toEqual([
      expect.stringMatching(/\$\.value is a Reply: it arrives as a plain object/),
      expect.stringMatching(/\$\.error is an Error \(TypeError\)/),
    ])
  })

  it('refuses a webContents.send payload that cannot be cloned', async () => {
    const smoke = start('good')
    const window = await loaded(smoke)
    await smoke.invoke(window, 'send-function', {}).catch(() => undefined)
    expect(smoke.violations()).toEqual([
      expect.objectContaining({ rule: 'ipc-not-cloneable', detail: expect.stringMatching(/send/) }),
    ])
  })

  it('refuses an ES module preload: the window gets no bridge', async () => {
    const smoke = start('good', 'preload-esm.js')
    await smoke.waitFor(() => smoke.violations()[0], 'a violation')
    expect(smoke.violations()[0]).toMatchObject({
      rule: 'preload-esm',
      detail: expect.stringMatching(/is not a CommonJS script: Cannot use import statement/),
    })
    expect(smoke.windows()[0]?.loaded).toBe(false)
  })

  it('refuses a preload that requires a Node module the sandbox lacks', async () => {
    const smoke = start('good', 'preload-requires-fs.cjs')
    await smoke.waitFor(() => smoke.violations()[0], 'a violation')
    expect(rules(smoke)[0]).toBe('preload-require')
  })

  it('refuses a missing preload', async () => {
    const smoke = start('good', 'no-such-preload.cjs')
    await smoke.waitFor(() => smoke.violations()[0], 'a violation')
    expect(smoke.violations()[0]).toMatchObject({ rule: 'preload-path' })
  })

  it('refuses a protocol handler that answers with something other than a Response', async () => {
    const smoke = start('string-response')
    await smoke.waitFor(() => smoke.violations()[1], 'two violations')
    expect(rules(smoke)).toEqual(['protocol-response', 'load-failed'])
  })

  it('refuses a window without the sandbox', async () => {
    const smoke = start('no-sandbox')
    await loaded(smoke)
    expect(smoke.violations()).toEqual([
      { rule: 'web-preferences', detail: 'sandbox must be true' },
    ])
  })

  it('refuses a second ipcMain.handle for one channel', async () => {
    const smoke = start('second-handler')
    await smoke.waitFor(() => smoke.violations()[0], 'a violation')
    expect(rules(smoke)).toContain('ipc-second-handler')
  })

  it('reports an Electron API it does not implement instead of passing silently', async () => {
    const smoke = start('unimplemented')
    await smoke.waitFor(() => smoke.violations()[0], 'a violation')
    expect(smoke.violations()[0]).toMatchObject({
      rule: 'unimplemented',
      detail: 'app.getGPUFeatureStatus is not implemented by the stand-in.',
    })
  })
})

describe('the clone check', () => {
  it('passes plain data and flags what Electron cannot or will not carry', () => {
    expect(
      cloneProblem({ a: [1, 'x', null, undefined], d: new Date(0), u: new Uint8Array(2) }),
    ).toBeUndefined()
    expect(cloneProblem({ f: () => 1 })).toMatchObject({ fatal: true })
    expect(cloneProblem(Symbol('s'))).toMatchObject({ fatal: true })
    expect(cloneProblem(Promise.resolve(1))).toMatchObject({ fatal: true })
    expect(cloneProblem({ b: Buffer.from('x') })).toMatchObject({ fatal: false })
    expect(
      cloneProblem(
        new Map([
          [
            'k',
            new (class Point {
              x = 1
            })(),
          ],
        ]),
      ),
    ).toMatchObject({ fatal: false })
  })
})

describe('RULES.md', () => {
  it('has a row, with a source, for every rule the stand-in enforces', () => {
    const table = readFileSync(join(import.meta.dirname, 'RULES.md'), 'utf8')
    for (const rule of Object.keys(RULES)) {
      expect(table, rule).toMatch(
        new RegExp(`^\\| \`${rule}\` +\\|[^\\n]+\\|[^\\n]+\\|[^\\n]+\\|$`, 'm'),
      )
    }
  })
})
