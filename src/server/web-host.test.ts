import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rawRequest } from '../../test/support/http-request'
import { openCore, type Core } from '../core/index'
import { createDispatcher } from '../shared/dispatch'
import { createEventHub } from './event-hub'
import { startWebHost, type WebHost } from './web-host'

const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuv'

describe('web host', () => {
  let dir: string
  let host: WebHost
  let stopped = false
  let core: Core
  const hub = createEventHub()

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-web-host-'))
    const rendererDir = join(dir, 'renderer')
    mkdirSync(join(rendererDir, 'assets'), { recursive: true })
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Parallax test</title>')
    writeFileSync(join(rendererDir, 'assets', 'app-1234.js'), 'console.log(1)')
    writeFileSync(join(dir, 'secret.txt'), 'outside the renderer folder')
    core = await openCore({
      version: '9.9.9',
      host: 'web',
      dataDir: join(dir, 'data'),
      emit: hub.emit,
      vaultKey: { keyFile: join(dir, 'data', 'vault.key') },
    })
    host = await startWebHost({
      dispatch: createDispatcher(core.handlers),
      hub,
      rendererDir,
      token: TOKEN,
      maxBodyBytes: 4096,
    })
  })

  afterAll(async () => {
    if (!stopped) await host.close()
    await core.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const auth = { Authorization: `Bearer ${TOKEN}` }
  const rpc = (method: string, body: string | undefined, headers: Record<string, string> = auth) =>
    rawRequest(host.port, { method: 'POST', path: `/api/rpc/${method}`, headers, body })

  it('prints a loopback URL that carries the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`)
  })

  it('answers app.info through the contract with a bearer token', async () => {
    const res = await rpc('app.info', '{}')
    expect(res.status).toBe(200)
    const body = res.json<{
      ok: boolean
      value: { version: string; host: string; dataDir: string }
    }>()
    expect(body.ok).toBe(true)
    expect(body.value).toMatchObject({ version: '9.9.9', host: 'web', dataDir: join(dir, 'data') })
  })

  it('treats an empty body as an empty input', async () => {
    expect((await rpc('app.info', undefined)).status).toBe(200)
  })

  it('refuses API calls without a token, or with a wrong one, with 401', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { Authorization: 'Bearer wrong' },
      { Authorization: TOKEN },
      { Cookie: 'parallax_token_1=x' },
      { Cookie: `parallax_token_${host.port}=${TOKEN.slice(0, -1)}` },
    ]
    for (const headers of attempts) {
      const res = await rpc('app.info', '{}', headers)
      expect(res.status).toBe(401)
      expect(res.json<{ error: { kind: string } }>().error.kind).toBe('unauthorized')
    }
    const events = await rawRequest(host.port, { path: '/api/events' })
    expect(events.status).toBe(401)
  })

  it('refuses a Host header that is not its own loopback address (DNS rebinding)', async () => {
    for (const hostHeader of [
      'evil.example',
      `evil.example:${host.port}`,
      '127.0.0.1:1',
      `127.0.0.2:${host.port}`,
    ]) {
      const res = await rawRequest(host.port, {
        method: 'POST',
        path: '/api/rpc/app.info',
        headers: { ...auth, Host: hostHeader },
        body: '{}',
      })
      expect(res.status).toBe(403)
    }
    const page = await rawRequest(host.port, { path: '/', headers: { Host: 'evil.example' } })
    expect(page.status).toBe(403)
  })

  it('accepts localhost as well as 127.0.0.1 in Host', async () => {
    const res = await rawRequest(host.port, {
      method: 'POST',
      path: '/api/rpc/app.info',
      headers: { ...auth, Host: `localhost:${host.port}` },
      body: '{}',
    })
    expect(res.status).toBe(200)
  })

  it('refuses a foreign or opaque Origin with 403, even with a valid token', async () => {
    for (const origin of [
      'http://evil.example',
      'null',
      `http://127.0.0.1:${host.port + 1}`,
      `https://127.0.0.1:${host.port}`,
    ]) {
      const res = await rpc('app.info', '{}', { ...auth, Origin: origin })
      expect(res.status).toBe(403)
      expect(res.json<{ error: { kind: string } }>().error.kind).toBe('forbidden')
    }
    const crossSite = await rpc('app.info', '{}', { ...auth, 'Sec-Fetch-Site': 'cross-site' })
    expect(crossSite.status).toBe(403)
    const own = await rpc('app.info', '{}', { ...auth, Origin: host.origin })
    expect(own.status).toBe(200)
  })

  it('answers a CORS preflight with no CORS permission', async () => {
    const res = await rawRequest(host.port, {
      method: 'OPTIONS',
      path: '/api/rpc/app.info',
      headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' },
    })
    expect(res.status).toBe(403)
    expect(res.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('answers a body that is not JSON with 400 naming the body', async () => {
    const res = await rpc('app.info', 'not json')
    expect(res.status).toBe(400)
    const { error } = res.json<{ error: { kind: string; message: string; field: string } }>()
    expect(error).toMatchObject({ kind: 'invalid_input', field: 'body' })
    expect(error.message).toMatch(/not valid JSON/)
  })

  it('answers an invalid payload with 400 naming the bad field', async () => {
    const res = await rpc('app.info', '{"verbose": true}')
    expect(res.status).toBe(400)
    const { error } = res.json<{ error: { kind: string; message: string; field: string } }>()
    expect(error).toMatchObject({ kind: 'invalid_input', field: 'verbose' })
    expect(error.message).toContain('"verbose"')
    expect((await rpc('app.info', '[1,2]')).status).toBe(400)
  })

  it('answers an unknown method with 404, including prototype names', async () => {
    for (const method of ['nope.nothing', 'constructor', '__proto__', 'toString']) {
      const res = await rpc(method, '{}')
      expect(res.status).toBe(404)
      expect(res.json<{ error: { kind: string } }>().error.kind).toBe('unknown_method')
    }
    expect((await rawRequest(host.port, { path: '/api/nothing', headers: auth })).status).toBe(404)
  })

  it('refuses GET on an RPC route', async () => {
    const res = await rawRequest(host.port, { path: '/api/rpc/app.info', headers: auth })
    expect(res.status).toBe(405)
  })

  it('refuses an oversized body with 413', async () => {
    const res = await rpc('app.info', JSON.stringify({ padding: 'x'.repeat(5000) }))
    expect(res.status).toBe(413)
    expect(res.json<{ error: { kind: string } }>().error.kind).toBe('payload_too_large')
  })

  it('exchanges the link token for an HttpOnly SameSite=Strict cookie, then strips it', async () => {
    const res = await rawRequest(host.port, { path: `/?token=${TOKEN}` })
    expect(res.status).toBe(303)
    expect(res.headers.location).toBe('/')
    const cookie = res.headers['set-cookie']?.[0] ?? ''
    expect(cookie).toMatch(new RegExp(`^parallax_token_${host.port}=${TOKEN};`))
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    const withCookie = await rpc('app.info', '{}', { Cookie: cookie.split(';')[0] as string })
    expect(withCookie.status).toBe(200)
    const wrong = await rawRequest(host.port, { path: '/?token=wrong' })
    expect(wrong.status).toBe(401)
    expect(wrong.headers['set-cookie']).toBeUndefined()
  })

  it('serves the renderer with the CSP and never a file outside its folder', async () => {
    const page = await rawRequest(host.port, { path: '/' })
    expect(page.status).toBe(200)
    expect(page.body).toContain('Parallax test')
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    const asset = await rawRequest(host.port, { path: '/assets/app-1234.js' })
    expect(asset.headers['content-type']).toMatch(/javascript/)
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e%5csecret.txt',
      '/a%00.js',
    ]) {
      const res = await rawRequest(host.port, { path })
      expect(res.body).not.toContain('outside the renderer folder')
    }
    expect((await rawRequest(host.port, { path: '/missing.js' })).status).toBe(404)
  })

  it('never sends Access-Control-Allow-Origin on any response', async () => {
    const responses = await Promise.all([
      rpc('app.info', '{}', { ...auth, Origin: 'http://evil.example' }),
      rpc('app.info', '{}'),
      rpc('app.info', '{}', {}),
      rpc('nope', '{}'),
      rawRequest(host.port, { path: '/', headers: { Origin: 'http://evil.example' } }),
    ])
    for (const res of responses) expect(res.headers['access-control-allow-origin']).toBeUndefined()
  })

  /** Opens /api/events and collects its text until `until` matches; then closes it. */
  const readEvents = (until: RegExp, lastEventId?: string) =>
    new Promise<string>((resolve, reject) => {
      let text = ''
      const headers: Record<string, string> = { ...auth, Host: `127.0.0.1:${host.port}` }
      if (lastEventId !== undefined) headers['Last-Event-ID'] = lastEventId
      const req = request(
        { host: '127.0.0.1', port: host.port, path: '/api/events', headers },
        (res) => {
          res.setEncoding('utf8')
          res.on('data', (chunk: string) => {
            text += chunk
            if (until.test(text)) {
              req.destroy()
              resolve(text)
            }
          })
        },
      )
      req.on('error', (error) => (until.test(text) ? resolve(text) : reject(error)))
      req.end()
    })

  it('gives every event an id, and replays what a reconnecting page missed', async () => {
    const notice = (detail: string) =>
      hub.emit('app.notice', { level: 'info', code: 'data.copied', at: 1, detail })
    const first = readEvents(/detail":"one"/)
    await new Promise((resolve) => setTimeout(resolve, 50))
    notice('one')
    const seen = /id: (\d+)\nevent: app\.notice\ndata: .*"one"/.exec(await first)
    expect(seen).not.toBeNull()
    // While the page is away, two more events happen.
    notice('two')
    notice('three')
    const again = await readEvents(/"three"/, seen?.[1])
    expect(again.indexOf('"two"')).toBeGreaterThan(again.indexOf(': connected'))
    expect(again.indexOf('"three"')).toBeGreaterThan(again.indexOf('"two"'))
    expect(again).not.toContain('"one"')
    // A page that never saw an event gets none of the past ones.
    const fresh = readEvents(/"four"/)
    await new Promise((resolve) => setTimeout(resolve, 50))
    notice('four')
    expect(await fresh).not.toContain('"two"')
  })

  it('pushes contract events over SSE, and says so when it stops', async () => {
    const frames: string[] = []
    const received = new Promise<void>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/api/events',
          headers: { ...auth, Host: `127.0.0.1:${host.port}` },
        },
        (res) => {
          expect(res.statusCode).toBe(200)
          expect(res.headers['content-type']).toMatch(/^text\/event-stream/)
          res.setEncoding('utf8')
          res.on('data', (chunk: string) => {
            frames.push(chunk)
            if (frames.join('').includes(': connected'))
              void host.close().then(() => (stopped = true))
          })
          res.on('end', () => resolve())
        },
      )
      req.on('error', reject)
      req.end()
    })
    await received
    const text = frames.join('')
    const match = /event: app\.notice\ndata: (.+)\n\n/.exec(text)
    expect(match).not.toBeNull()
    expect(JSON.parse(match?.[1] ?? '')).toMatchObject({ level: 'warning', code: 'host.stopping' })
  })
})
