import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startOpenAIFake } from '../../../test/fakes/openai/openai-fake'
import type { FakeServer } from '../../../test/fakes/fake-script'
import { createDispatcher } from '../../shared/dispatch'
import type { RpcError, RpcResult } from '../../shared/rpc-result'
import { openCore, type Core } from '../create-core'

const SAVED_KEY = 'sk-proj-savedKeyForServerA0123456789abcdefghijklmnopqrstu'
const TYPED_KEY = 'sk-proj-typedKeyForServerB0123456789abcdefghijklmnopqrstu'
const WRONG_KEY = 'sk-proj-wrongKeyNobodyKnows0123456789abcdefghijklmnopqrst'

/** A provider that answers every request 401 and echoes the Authorization header it got. */
async function startEchoingServer(): Promise<{ url: string; seen: string[]; server: Server }> {
  const seen: string[] = []
  const server = createServer((request, response) => {
    const authorization = request.headers.authorization ?? ''
    seen.push(authorization)
    response.writeHead(401, { 'content-type': 'application/json' })
    response.end(JSON.stringify({ error: { message: `Rejected ${authorization}`, type: 'auth' } }))
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/v1`, seen, server }
}

function value<T = Record<string, unknown>>(result: RpcResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`)
  return result.value as T
}

function refusal(result: RpcResult<unknown>): RpcError {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`)
  return result.error
}

const headersOf = (server: FakeServer) =>
  server.requests.map((request) => JSON.stringify(request.headers)).join('\n')

/**
 * `connections.test` with the form's unsaved values (the Test button, and Save's test first):
 * what it sends where, what it refuses, and that no secret comes back.
 */
describe('testing a connection form’s unsaved values', () => {
  let dir: string
  let a: FakeServer
  let b: FakeServer
  let core: Core
  let call: (method: string, input: unknown) => Promise<RpcResult<unknown>>

  beforeAll(async () => {
    a = await startOpenAIFake({ openaiKey: SAVED_KEY })
    b = await startOpenAIFake({ openaiKey: TYPED_KEY })
  })
  afterAll(async () => {
    await a.close()
    await b.close()
  })
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-draft-test-'))
    core = await openCore({
      version: '0.0.0',
      host: 'web',
      dataDir: dir,
      emit: () => {},
      vaultKey: { keyFile: join(dir, 'vault.key') },
    })
    const dispatch = createDispatcher(core.handlers)
    call = (method, input) => dispatch(method, input, undefined)
    a.reset()
    b.reset()
  })
  afterEach(async () => {
    await core.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const listed = async () =>
    value<{ connections: { id: string; fields: Record<string, string> }[] }>(
      await call('connections.list', {}),
    ).connections

  const saveAtA = async () =>
    value<{ id: string }>(
      await call('connections.create', {
        provider: 'openai',
        label: 'A',
        fields: { apiKey: SAVED_KEY, baseURL: `${a.url}/v1` },
      }),
    )

  it('tests a new connection’s values before anything is saved: a wrong key fails, the right one passes', async () => {
    const wrong = value(
      await call('connections.test', {
        provider: 'openai',
        fields: { apiKey: WRONG_KEY, baseURL: `${a.url}/v1` },
      }),
    )
    expect(wrong).toMatchObject({ ok: false, kind: 'auth' })
    const right = value(
      await call('connections.test', {
        provider: 'openai',
        fields: { apiKey: SAVED_KEY, baseURL: `${a.url}/v1` },
      }),
    )
    // Loopback over http is not a plain-http warning.
    expect(right).toMatchObject({ ok: true, warnings: [] })
    expect(await listed()).toEqual([])
    expect(a.requests.map((request) => request.authorized)).toEqual([false, true])
  })

  it('uses the saved key for an edit whose address stays on the same server, and saves nothing', async () => {
    const saved = await saveAtA()
    // Another path on the same server, the key left empty (the form sends no apiKey).
    const sameServer = value(
      await call('connections.test', {
        id: saved.id,
        fields: { baseURL: `${a.url}/v1/`, organization: 'org-draft' },
      }),
    )
    expect(sameServer).toMatchObject({ ok: true })
    expect(headersOf(a)).toContain(`Bearer ${SAVED_KEY}`)
    expect(headersOf(a)).toContain('org-draft')
    // A typed key replaces the saved one for the test only.
    a.reset()
    const typed = value(
      await call('connections.test', { id: saved.id, fields: { apiKey: WRONG_KEY } }),
    )
    expect(typed).toMatchObject({ ok: false, kind: 'auth' })
    expect(headersOf(a)).not.toContain(SAVED_KEY)
    const [row] = await listed()
    expect(row?.fields).toEqual({ baseURL: `${a.url}/v1` })
    expect(await core.vault.getSecrets(saved.id)).toEqual({ apiKey: SAVED_KEY })
  })

  it('refuses to send the saved key to a changed address, and tests with a key typed for it', async () => {
    const saved = await saveAtA()
    const refused = refusal(
      await call('connections.test', { id: saved.id, fields: { baseURL: `${b.url}/v1` } }),
    )
    expect(refused).toMatchObject({
      kind: 'invalid_input',
      field: 'fields.apiKey',
      code: 'secret_required',
    })
    expect(JSON.stringify(refused)).not.toContain(SAVED_KEY)
    expect(b.requests).toEqual([])
    expect(a.requests).toEqual([])

    const typed = value(
      await call('connections.test', {
        id: saved.id,
        fields: { baseURL: `${b.url}/v1`, apiKey: TYPED_KEY },
      }),
    )
    expect(typed).toMatchObject({ ok: true })
    expect(headersOf(b)).toContain(`Bearer ${TYPED_KEY}`)
    expect(headersOf(b)).not.toContain(SAVED_KEY)
    // Nothing was saved: the connection still points at A with A's key.
    expect((await listed())[0]?.fields.baseURL).toBe(`${a.url}/v1`)
    expect(await core.vault.getSecrets(saved.id)).toEqual({ apiKey: SAVED_KEY })
  })

  it('never answers a secret: not in a failed result from a provider that echoes it, nor in a refusal', async () => {
    const echo = await startEchoingServer()
    try {
      const failed = value(
        await call('connections.test', {
          provider: 'openai',
          fields: { apiKey: WRONG_KEY, baseURL: echo.url },
        }),
      )
      expect(echo.seen.some((header) => header.includes(WRONG_KEY))).toBe(true)
      expect(failed).toMatchObject({ ok: false, kind: 'auth' })
      expect(JSON.stringify(failed)).not.toContain(WRONG_KEY)
      expect(JSON.stringify(failed)).not.toContain(WRONG_KEY.slice(8, 40))

      const saved = await saveAtA()
      const edited = value(
        await call('connections.test', {
          id: saved.id,
          fields: { baseURL: echo.url, apiKey: TYPED_KEY },
        }),
      )
      expect(edited).toMatchObject({ ok: false })
      expect(JSON.stringify(edited)).not.toContain(TYPED_KEY.slice(8, 40))

      const missing = refusal(
        await call('connections.test', { provider: 'openai', fields: { baseURL: echo.url } }),
      )
      expect(missing).toMatchObject({ field: 'fields.apiKey', code: 'field_required' })
      const badField = refusal(
        await call('connections.test', {
          provider: 'openai',
          fields: { apiKey: TYPED_KEY, nonsense: TYPED_KEY },
        }),
      )
      expect(badField).toMatchObject({ code: 'unknown_field' })
      expect(JSON.stringify(badField)).not.toContain(TYPED_KEY)
      expect(echo.seen.some((header) => header.includes(SAVED_KEY))).toBe(false)
    } finally {
      await new Promise((done) => echo.server.close(done))
    }
  })
})
