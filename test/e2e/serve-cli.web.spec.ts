import { expect, test } from '@playwright/test'
import { startServedApp, type ServedApp } from './support/start-served-app'

// The real `out/server/cli.js` process, probed the way a script or curl would.
let app: ServedApp

test.beforeAll(async () => {
  app = await startServedApp()
})

test.afterAll(async () => {
  await app?.stop()
})

test('prints one URL line and guards the API like the README says', async () => {
  expect(app.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/)
  const call = (headers: Record<string, string>, body = '{}') =>
    fetch(`${app.origin}/api/rpc/app.info`, { method: 'POST', headers, body })
  const auth = { Authorization: `Bearer ${app.token}` }

  expect((await call({})).status).toBe(401)
  expect((await call({ ...auth, Origin: 'https://evil.example' })).status).toBe(403)
  expect((await call(auth, '{oops')).status).toBe(400)
  const bad = await call(auth, '{"unexpected": 1}')
  expect(bad.status).toBe(400)
  expect(await bad.json()).toMatchObject({ error: { field: 'unexpected' } })
  const unknown = await fetch(`${app.origin}/api/rpc/app.nothing`, {
    method: 'POST',
    headers: auth,
    body: '{}',
  })
  expect(unknown.status).toBe(404)
  const ok = await call(auth)
  expect(ok.status).toBe(200)
  expect(ok.headers.get('access-control-allow-origin')).toBeNull()
  expect(await ok.json()).toMatchObject({ ok: true, value: { dataDir: app.dataDir, host: 'web' } })
})
