import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startOpenAIFake } from '../../../test/fakes/openai/openai-fake'
import type { FakeServer } from '../../../test/fakes/fake-script'
import { createDispatcher } from '../../shared/dispatch'
import type { RpcError, RpcResult } from '../../shared/rpc-result'
import { openCore, type Core } from '../create-core'
import type { VaultKeyOptions } from '../vault/index'

const KEY_A = 'sk-proj-keyForServerA0123456789abcdefghijklmnopqrstuvwxyz'
const KEY_B = 'sk-proj-keyForServerB0123456789abcdefghijklmnopqrstuvwxyz'

interface Opened {
  core: Core
  call(method: string, input: unknown): Promise<RpcResult<unknown>>
}

async function open(dir: string, vaultKey?: VaultKeyOptions): Promise<Opened> {
  const core = await openCore({
    version: '0.0.0',
    host: 'web',
    dataDir: dir,
    emit: () => {},
    vaultKey: vaultKey ?? { keyFile: join(dir, 'vault.key') },
  })
  const dispatch = createDispatcher(core.handlers)
  return { core, call: (method, input) => dispatch(method, input, undefined) }
}

function value<T = Record<string, unknown>>(result: RpcResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`)
  return result.value as T
}

function refusal(result: RpcResult<unknown>): RpcError {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`)
  return result.error
}

/** Every header value a server received, joined: where a key would show up. */
function headersSeen(server: FakeServer): string {
  return server.requests.map((request) => JSON.stringify(request.headers)).join('\n')
}

describe('saved keys are bound to the address they were entered for', () => {
  let dir: string
  let a: FakeServer
  let b: FakeServer
  let app: Opened

  beforeAll(async () => {
    a = await startOpenAIFake({ openaiKey: KEY_A })
    b = await startOpenAIFake({ openaiKey: KEY_B })
  })
  afterAll(async () => {
    await a.close()
    await b.close()
  })
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-binding-'))
    app = await open(dir)
    a.reset()
    b.reset()
  })
  afterEach(async () => {
    await app.core.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const saveAtA = async () =>
    value<{ id: string }>(
      await app.call('connections.create', {
        provider: 'openai',
        label: 'A',
        fields: { apiKey: KEY_A, baseURL: `${a.url}/v1` },
      }),
    )

  it('refuses to carry a saved key to another server; B never sees a request; a new key goes', async () => {
    const saved = await saveAtA()
    expect(value(await app.call('connections.test', { id: saved.id }))).toMatchObject({ ok: true })
    expect(headersSeen(a)).toContain(KEY_A)

    // Only a new address: the saved key would follow it. Refused, nothing changed.
    const moved = refusal(
      await app.call('connections.update', { id: saved.id, fields: { baseURL: `${b.url}/v1` } }),
    )
    expect(moved).toMatchObject({
      kind: 'invalid_input',
      field: 'fields.apiKey',
      code: 'secret_required',
    })
    const [row] = value<{ connections: { fields: Record<string, string> }[] }>(
      await app.call('connections.list', {}),
    ).connections
    expect(row?.fields.baseURL).toBe(`${a.url}/v1`)

    // Testing the unsaved edit is the same refusal, and sends nothing anywhere.
    const tested = refusal(
      await app.call('connections.test', { id: saved.id, fields: { baseURL: `${b.url}/v1` } }),
    )
    expect(tested).toMatchObject({ field: 'fields.apiKey', code: 'secret_required' })
    // A label change or another path on the same server is not another destination.
    value(await app.call('connections.update', { id: saved.id, label: 'A again' }))
    value(
      await app.call('connections.update', { id: saved.id, fields: { baseURL: `${a.url}/v1/` } }),
    )
    expect(b.requests).toEqual([])

    // The key given anew in the same change: saved, and B receives that key only.
    value(
      await app.call('connections.update', {
        id: saved.id,
        fields: { baseURL: `${b.url}/v1`, apiKey: KEY_B },
      }),
    )
    expect(value(await app.call('connections.test', { id: saved.id }))).toMatchObject({ ok: true })
    expect(b.requests.length).toBeGreaterThan(0)
    expect(headersSeen(b)).toContain(`Bearer ${KEY_B}`)
    expect(headersSeen(b)).not.toContain(KEY_A)
    // And going back to A needs the key again too.
    expect(
      refusal(
        await app.call('connections.update', { id: saved.id, fields: { baseURL: `${a.url}/v1` } }),
      ),
    ).toMatchObject({ code: 'secret_required' })
  })

  it('tests unsaved values without saving them, and a new connection before it exists', async () => {
    const saved = await saveAtA()
    const edited = value(
      await app.call('connections.test', {
        id: saved.id,
        fields: { baseURL: `${b.url}/v1`, apiKey: KEY_B },
      }),
    )
    expect(edited).toMatchObject({ ok: true, warnings: [] })
    expect(headersSeen(b)).toContain(KEY_B)
    const fresh = value(
      await app.call('connections.test', {
        provider: 'openai',
        fields: { apiKey: KEY_B, baseURL: `${b.url}/v1` },
      }),
    )
    expect(fresh).toMatchObject({ ok: true })
    const list = value<{ connections: { fields: Record<string, string> }[] }>(
      await app.call('connections.list', {}),
    ).connections
    expect(list).toHaveLength(1)
    expect(list[0]?.fields.baseURL).toBe(`${a.url}/v1`)
    expect(headersSeen(b)).not.toContain(KEY_A)
    expect(refusal(await app.call('connections.test', {}))).toMatchObject({ field: 'id' })
  })

  it('keeps the key when only the region or location changes (the official endpoints)', async () => {
    const bedrock = value<{ id: string }>(
      await app.call('connections.create', {
        provider: 'bedrock',
        label: 'Bedrock',
        fields: {
          region: 'us-east-1',
          accessKeyId: 'AKIAEXAMPLE',
          secretAccessKey: 'bedrock-secret',
        },
      }),
    )
    value(await app.call('connections.update', { id: bedrock.id, fields: { region: 'eu-west-3' } }))
    expect(await app.core.vault.getSecrets(bedrock.id)).toEqual({
      secretAccessKey: 'bedrock-secret',
    })
    // A custom endpoint is another server.
    expect(
      refusal(
        await app.call('connections.update', {
          id: bedrock.id,
          fields: { endpoint: `${b.url}/bedrock` },
        }),
      ),
    ).toMatchObject({ field: 'fields.secretAccessKey', code: 'secret_required' })

    const vertex = value<{ id: string }>(
      await app.call('connections.create', {
        provider: 'vertex',
        label: 'Vertex',
        fields: { project: 'p', location: 'us-central1', apiKey: 'vertex-express-key' },
      }),
    )
    value(
      await app.call('connections.update', {
        id: vertex.id,
        fields: { location: 'europe-west4', project: 'q' },
      }),
    )
    expect(await app.core.vault.getSecrets(vertex.id)).toEqual({ apiKey: 'vertex-express-key' })
    expect(
      refusal(await app.call('connections.update', { id: vertex.id, fields: { baseURL: b.url } })),
    ).toMatchObject({ code: 'secret_required' })
  })

  it('never hands out a key whose connection was pointed elsewhere behind its back', async () => {
    const saved = await saveAtA()
    // An edited database (or import): the row now names B, the vault still says A.
    const edit = new DatabaseSync(app.core.database.file)
    edit
      .prepare('UPDATE connections SET fields = ? WHERE id = ?')
      .run(JSON.stringify({ baseURL: `${b.url}/v1` }), saved.id)
    edit.close()
    expect(refusal(await app.call('connections.test', { id: saved.id }))).toMatchObject({
      code: 'secret_required',
    })
    // The model picker falls back to the catalog and says why the provider was not asked.
    const models = value<{ error?: { message: string } }>(
      await app.call('models.list', { connectionId: saved.id, refresh: true }),
    )
    expect(models.error?.message).toMatch(/entered for another address/)
    await expect(
      app.core.handlers['connections.test']({ id: saved.id }, undefined),
    ).rejects.toThrow(/entered for another address/)
    expect(b.requests).toEqual([])
  })

  it('names plain http and refuses a metadata address unless acknowledged', async () => {
    const plain = value<{ warnings: { code: string }[] }>(
      await app.call('connections.create', {
        provider: 'openai-compatible',
        label: 'LAN box',
        fields: { baseURL: 'http://gpu-box.lan:11434/v1' },
      }),
    )
    expect(plain.warnings.map((warning) => warning.code)).toEqual(['plain_http'])
    const local = value<{ warnings: unknown[] }>(
      await app.call('connections.create', {
        provider: 'openai-compatible',
        label: 'Local',
        fields: { baseURL: `${a.url}/v1` },
      }),
    )
    expect(local.warnings).toEqual([])

    const metadata = { baseURL: 'http://2852039166/latest' }
    const refused = refusal(
      await app.call('connections.create', {
        provider: 'openai-compatible',
        label: 'IMDS',
        fields: metadata,
      }),
    )
    expect(refused).toMatchObject({
      kind: 'invalid_input',
      field: 'fields.baseURL',
      code: 'metadata_address',
    })
    expect(
      refusal(
        await app.call('connections.test', { provider: 'openai-compatible', fields: metadata }),
      ),
    ).toMatchObject({ code: 'metadata_address' })
    expect(
      value<{ connections: unknown[] }>(await app.call('connections.list', {})).connections,
    ).toHaveLength(2)

    const acknowledged = value<{ id: string; warnings: { code: string }[] }>(
      await app.call('connections.create', {
        provider: 'openai-compatible',
        label: 'IMDS',
        fields: metadata,
        acknowledge: ['metadata_address'],
      }),
    )
    expect(acknowledged.warnings.map((warning) => warning.code)).toEqual([
      'plain_http',
      'metadata_address',
    ])
    // Saved with the acknowledgement: a label change does not ask again, but still warns.
    const renamed = value<{ warnings: { code: string }[] }>(
      await app.call('connections.update', { id: acknowledged.id, label: 'IMDS 2' }),
    )
    expect(renamed.warnings.map((warning) => warning.code)).toContain('metadata_address')
    // Moving another connection there is refused without it, and changes nothing.
    const moved = refusal(
      await app.call('connections.update', {
        id: (local as unknown as { id: string }).id,
        fields: { baseURL: 'https://[fd00:ec2::254]/' },
      }),
    )
    expect(moved).toMatchObject({ code: 'metadata_address', field: 'fields.baseURL' })
  })
})

describe('a vault written before keys were bound', () => {
  let dir: string
  let server: FakeServer
  beforeAll(async () => {
    server = await startOpenAIFake({ openaiKey: KEY_A })
  })
  afterAll(async () => {
    await server.close()
  })
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-binding-upgrade-'))
  })
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  /** Saves a connection, then rewrites vault.json exactly as the previous version wrote it. */
  async function oldVault(vaultKey?: VaultKeyOptions): Promise<string> {
    const app = await open(dir, vaultKey)
    const saved = value<{ id: string }>(
      await app.call('connections.create', {
        provider: 'openai',
        label: 'old',
        fields: { apiKey: KEY_A, baseURL: `${server.url}/v1` },
      }),
    )
    await app.core.close()
    const file = join(dir, 'vault.json')
    const { bindings, ...old } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
    expect(Object.keys(bindings as object)).toEqual([saved.id])
    expect(old).toMatchObject({ format: 'parallax-vault', version: 1 })
    writeFileSync(file, JSON.stringify(old, null, 2) + '\n')
    return saved.id
  }

  it('binds its keys to their current address when it opens', async () => {
    const id = await oldVault()
    const app = await open(dir)
    try {
      const doc = JSON.parse(readFileSync(join(dir, 'vault.json'), 'utf8')) as {
        bindings?: Record<string, string>
      }
      expect(Object.keys(doc.bindings ?? {})).toEqual([id])
      expect(JSON.stringify(doc.bindings)).not.toContain(server.url)
      expect(value(await app.call('connections.test', { id }))).toMatchObject({ ok: true })
      expect(
        refusal(
          await app.call('connections.update', { id, fields: { baseURL: 'https://x.test/v1' } }),
        ),
      ).toMatchObject({ code: 'secret_required' })
    } finally {
      await app.core.close()
    }
  })

  it('binds them when a passphrase vault that opened locked is unlocked', async () => {
    const pass = 'correct horse battery staple'
    const id = await oldVault({ passphrase: pass })
    const app = await open(dir, { passphrase: null })
    try {
      expect(refusal(await app.call('connections.test', { id }))).toMatchObject({
        kind: 'vault_locked',
      })
      value(await app.call('vault.unlock', { passphrase: pass }))
      expect(value(await app.call('connections.test', { id }))).toMatchObject({ ok: true })
      const doc = JSON.parse(readFileSync(join(dir, 'vault.json'), 'utf8')) as {
        bindings?: Record<string, string>
      }
      expect(Object.keys(doc.bindings ?? {})).toEqual([id])
    } finally {
      await app.core.close()
    }
  })
})
