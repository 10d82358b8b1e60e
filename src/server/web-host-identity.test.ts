import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer, type AddressInfo, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { rawRequest } from '../../test/support/http-request'
import { openTestCore } from '../../test/support/test-core'
import { WEB_HOST_FILE_NAME, type Core } from '../core/index'
import { createDispatcher } from '../shared/dispatch'
import { createEventHub } from './event-hub'
import { startWebHost, type WebHost } from './web-host'
import { chooseHostIdentity, startOnChosenPort } from './web-host-identity'

/** Each request on a connection of its own: a kept-alive one would outlive the host it reached. */
const CLOSE = { Connection: 'close' }

/** The web host restarted on one data folder, as `parallax serve` starts it each time. */
describe('a restarted web host', () => {
  let dir: string
  let dataDir: string
  let rendererDir: string
  let core: Core
  const running: WebHost[] = []

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-restart-'))
    dataDir = join(dir, 'data')
    rendererDir = join(dir, 'renderer')
    mkdirSync(rendererDir, { recursive: true })
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Parallax test</title>')
    core = await openTestCore(dataDir)
  })
  afterEach(async () => {
    for (const host of running.splice(0)) await host.close()
  })
  afterAll(async () => {
    await core.close()
    rmSync(dir, { recursive: true, force: true })
  })

  async function serve(options: { port?: number; newToken?: boolean } = {}) {
    const choice = chooseHostIdentity(dataDir, {
      port: options.port,
      newToken: options.newToken ?? false,
    })
    const started = await startOnChosenPort(dataDir, choice, (port, token) =>
      startWebHost({
        dispatch: createDispatcher(core.handlers),
        hub: createEventHub(),
        rendererDir,
        port,
        token,
      }),
    )
    running.push(started.host)
    return started
  }

  async function stop(host: WebHost) {
    running.splice(running.indexOf(host), 1)
    await host.close()
  }

  /** Opens the printed link as a browser does and returns the session cookie it is given. */
  async function signIn(host: WebHost): Promise<string> {
    const res = await rawRequest(host.port, { path: `/?token=${host.token}`, headers: CLOSE })
    expect(res.status).toBe(303)
    return (res.headers['set-cookie']?.[0] ?? '').split(';')[0] as string
  }

  const appInfo = (port: number, cookie: string) =>
    rawRequest(port, {
      method: 'POST',
      path: '/api/rpc/app.info',
      headers: { ...CLOSE, Cookie: cookie, 'Content-Type': 'application/json' },
      body: '{}',
    })

  it('answers on the same port to the same token and the page’s old cookie; --new-token ends it', async () => {
    const first = await serve()
    const cookie = await signIn(first.host)
    expect((await appInfo(first.host.port, cookie)).status).toBe(200)
    const saved = join(dataDir, WEB_HOST_FILE_NAME)
    expect(JSON.parse(readFileSync(saved, 'utf8'))).toEqual({
      port: first.host.port,
      token: first.host.token,
    })
    if (process.platform !== 'win32') expect(statSync(saved).mode & 0o777).toBe(0o600)
    await stop(first.host)

    const second = await serve()
    expect(second.host.port).toBe(first.host.port)
    expect(second.host.token).toBe(first.host.token)
    expect(second.lines).toEqual([])
    // The reload after a restart: the cookie from before still signs the page in.
    expect((await appInfo(second.host.port, cookie)).status).toBe(200)
    await stop(second.host)

    const rotated = await serve({ newToken: true })
    expect(rotated.host.port).toBe(first.host.port)
    expect(rotated.host.token).not.toBe(first.host.token)
    expect(rotated.lines).toEqual([
      'Made a new access token: the old link and pages signed in with it no longer work.',
    ])
    const refused = await appInfo(rotated.host.port, cookie)
    expect(refused.status).toBe(401)
    const oldLink = await rawRequest(rotated.host.port, {
      path: `/?token=${first.host.token}`,
      headers: CLOSE,
    })
    expect(oldLink.status).toBe(401)
    expect((await appInfo(rotated.host.port, await signIn(rotated.host))).status).toBe(200)
    await stop(rotated.host)

    // The rotated token is the one kept from then on.
    const after = await serve()
    expect(after.host.token).toBe(rotated.host.token)
  })

  it('takes a free port when another program holds the last one, says so, and keeps the new one', async () => {
    const first = await serve()
    await stop(first.host)
    const blocker = await listenOn(first.host.port)
    try {
      const second = await serve()
      expect(second.host.port).not.toBe(first.host.port)
      expect(second.host.token).toBe(first.host.token)
      expect(second.lines).toEqual([
        `Port ${first.host.port} (used last time) is taken, so Parallax uses ${second.host.port} this time: open the new link; pages on the old address will not reach it.`,
      ])
      await stop(second.host)
      expect((await serve()).host.port).toBe(second.host.port)
    } finally {
      await new Promise((done) => blocker.close(done))
    }
  })

  it('lets --port win, and refuses a taken --port instead of moving', async () => {
    const first = await serve()
    await stop(first.host)
    const free = await listenOn(0)
    const port = (free.address() as AddressInfo).port
    await new Promise((done) => free.close(done))
    const asked = await serve({ port })
    expect(asked.host.port).toBe(port)
    expect(JSON.parse(readFileSync(join(dataDir, WEB_HOST_FILE_NAME), 'utf8')).port).toBe(port)
    await expect(serve({ port })).rejects.toMatchObject({ code: 'EADDRINUSE' })
  })

  it('makes a new token and takes a free port when the saved file is damaged', async () => {
    writeFileSync(join(dataDir, WEB_HOST_FILE_NAME), '{"port": "x", "token": "short"')
    const started = await serve()
    expect(started.host.token).toMatch(/^[\w-]{43}$/)
    expect(started.lines).toEqual([])
  })

  it('keeps the token when only the saved port is damaged', async () => {
    const first = await serve()
    await stop(first.host)
    writeFileSync(
      join(dataDir, WEB_HOST_FILE_NAME),
      JSON.stringify({ port: 70_000, token: first.host.token }),
    )
    expect((await serve()).host.token).toBe(first.host.token)
  })
})

function listenOn(port: number): Promise<Server> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(port, '127.0.0.1', () => done(server))
  })
}
