import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { OPENAI_FAKE_DEFAULTS, startOpenAIFake } from '../../../test/fakes/openai/openai-fake'
import type { FakeServer } from '../../../test/fakes/fake-script'
import type { EventName } from '../../shared/contract'
import { createDispatcher } from '../../shared/dispatch'
import type { RpcError, RpcResult } from '../../shared/rpc-result'
import { openCore, type Core } from '../create-core'
import type { VaultKeyOptions } from './index'

const PASS = 'correct horse battery staple'
const WRONG = 'not-the-passphrase-at-all'
const NEXT = 'a brand new passphrase'
const KEY = OPENAI_FAKE_DEFAULTS.openaiKey

interface Opened {
  core: Core
  call(method: string, input: unknown): Promise<RpcResult<unknown>>
  events: { event: EventName; payload: unknown }[]
}

async function open(dir: string, vaultKey: VaultKeyOptions): Promise<Opened> {
  const events: Opened['events'] = []
  const core = await openCore({
    version: '0.0.0',
    host: 'web',
    dataDir: dir,
    emit: (event, payload) => events.push({ event, payload }),
    vaultKey,
  })
  const dispatch = createDispatcher(core.handlers)
  return { core, call: (method, input) => dispatch(method, input, undefined), events }
}

function value<T = Record<string, unknown>>(result: RpcResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`)
  return result.value as T
}

function error(result: RpcResult<unknown>): RpcError {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`)
  return result.error
}

/** Every file in the data folder, by name, as bytes (to prove nothing changed or leaked). */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>()
  for (const name of readdirSync(dir)) {
    if (statSync(join(dir, name)).isFile()) files.set(name, readFileSync(join(dir, name)))
  }
  return files
}

let fake: FakeServer
beforeAll(async () => {
  fake = await startOpenAIFake({ compatibleKey: null })
})
afterAll(() => fake.close())

let dir: string
const opened: Opened[] = []
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-vault-handlers-'))
})
afterEach(async () => {
  for (const { core } of opened.splice(0)) await core.close()
  rmSync(dir, { recursive: true, force: true })
})

async function openHere(vaultKey: VaultKeyOptions): Promise<Opened> {
  const app = await open(dir, vaultKey)
  opened.push(app)
  return app
}

async function saveConnection(app: Opened): Promise<string> {
  const saved = value<{ id: string }>(
    await app.call('connections.create', {
      provider: 'openai',
      label: 'work',
      fields: { apiKey: KEY, baseURL: `${fake.url}/v1` },
    }),
  )
  return saved.id
}

describe('vault.* handlers on a passphrase vault', () => {
  it('chooses the passphrase on the first unlock of a new vault (8+ characters)', async () => {
    const app = await openHere({ passphrase: null })
    expect(value(await app.call('vault.status', {}))).toEqual({
      kind: 'aes-gcm',
      keySource: 'passphrase',
      created: false,
      secure: true,
      note: expect.any(String),
      noteCode: 'passphrase_key',
      unlocked: false,
      count: 0,
      consentRequired: false,
    })
    const short = error(await app.call('vault.unlock', { passphrase: 'short' }))
    expect(short).toEqual({
      kind: 'invalid_input',
      field: 'passphrase',
      message: 'Choose a passphrase of at least 8 characters.',
      code: 'passphrase_too_short',
      details: { min: '8' },
    })
    expect(readdirSync(dir).filter((name) => name.startsWith('vault'))).toEqual([])

    const status = value(await app.call('vault.unlock', { passphrase: PASS }))
    expect(status).toMatchObject({ keySource: 'passphrase', created: true, unlocked: true })
  })

  it('refuses a wrong passphrase plainly: still locked, vault file byte-identical', async () => {
    const first = await open(dir, { passphrase: PASS })
    const id = await saveConnection(first)
    await first.core.close()
    const app = await openHere({ passphrase: null })
    const before = snapshot(dir)

    const wrong = error(await app.call('vault.unlock', { passphrase: WRONG }))
    expect(wrong.kind).toBe('invalid_input')
    expect(wrong.field).toBe('passphrase')
    expect(wrong.message).toBe('Wrong passphrase. The key vault was not changed.')
    expect(wrong.code).toBe('wrong_passphrase')
    expect(JSON.stringify(wrong)).not.toContain(WRONG)
    expect(value(await app.call('vault.status', {}))).toMatchObject({
      unlocked: false,
      created: true,
      count: 1,
    })
    expect(
      snapshot(dir)
        .get('vault.json')
        ?.equals(before.get('vault.json') as Buffer),
    ).toBe(true)
    const empty = error(await app.call('vault.unlock', { passphrase: '' }))
    expect(empty).toMatchObject({ kind: 'invalid_input', field: 'passphrase' })

    expect(value(await app.call('vault.unlock', { passphrase: PASS }))).toMatchObject({
      unlocked: true,
    })
    expect(await app.core.vault.getSecrets(id)).toEqual({ apiKey: KEY })
    expect(value(await app.call('connections.test', { id }))).toMatchObject({ ok: true })
  })

  it('lock makes saved keys unusable with a plain vault_locked error, and unlock restores them', async () => {
    const app = await openHere({ passphrase: PASS })
    const id = await saveConnection(app)
    const keyless = value<{ id: string }>(
      await app.call('connections.create', {
        provider: 'openai-compatible',
        label: 'local',
        fields: { baseURL: `${fake.url}/compat/v1` },
      }),
    ).id

    expect(value(await app.call('vault.lock', {}))).toMatchObject({ unlocked: false })
    const test = error(await app.call('connections.test', { id }))
    expect(test.kind).toBe('vault_locked')
    expect(test.message).toMatch(/locked.*unlock/i)
    // The list still works and says a key is saved, without its last characters.
    const list = value<{ connections: { id: string; secrets: object }[] }>(
      await app.call('connections.list', {}),
    )
    expect(list.connections.find((c) => c.id === id)?.secrets).toEqual({
      apiKey: { set: true, last4: '' },
    })
    // A connection without any secret does not need the vault.
    expect(value(await app.call('connections.test', { id: keyless }))).toMatchObject({ ok: true })
    const save = error(
      await app.call('connections.update', { id, fields: { apiKey: 'sk-another-key-00000000' } }),
    )
    expect(save.kind).toBe('vault_locked')

    // A chat run on a locked vault ends with kind `locked`, saying to unlock.
    const started = value<{ runId: string }>(
      await app.call('runs.startChat', { connectionId: id, model: 'gpt-4o-mini', prompt: 'hi' }),
    )
    await expect.poll(() => app.events.some((e) => e.event === 'run.done')).toBe(true)
    const done = app.events.find((e) => e.event === 'run.done')?.payload as {
      runId: string
      status: string
      error: { kind: string; message: string }
    }
    expect(done).toMatchObject({ runId: started.runId, status: 'error' })
    expect(done.error.kind).toBe('locked')
    expect(done.error.message).toMatch(/unlock/)

    expect(value(await app.call('vault.unlock', { passphrase: PASS }))).toMatchObject({
      unlocked: true,
    })
    expect(value(await app.call('connections.test', { id }))).toMatchObject({ ok: true })
  })

  it('changes the passphrase only when the current one is right', async () => {
    const app = await openHere({ passphrase: PASS })
    const id = await saveConnection(app)
    const before = snapshot(dir)

    const wrong = error(await app.call('vault.changePassphrase', { current: WRONG, next: NEXT }))
    expect(wrong).toEqual({
      kind: 'invalid_input',
      field: 'current',
      message: 'The current passphrase is wrong. The key vault was not changed.',
      code: 'wrong_current_passphrase',
    })
    const short = error(await app.call('vault.changePassphrase', { current: PASS, next: 'short' }))
    expect(short).toEqual({
      kind: 'invalid_input',
      field: 'next',
      message: 'Choose a passphrase of at least 8 characters.',
      code: 'passphrase_too_short',
      details: { min: '8' },
    })
    expect(
      snapshot(dir)
        .get('vault.json')
        ?.equals(before.get('vault.json') as Buffer),
    ).toBe(true)

    expect(
      value(await app.call('vault.changePassphrase', { current: PASS, next: NEXT })),
    ).toMatchObject({ unlocked: true, count: 1 })
    await app.call('vault.lock', {})
    expect(error(await app.call('vault.unlock', { passphrase: PASS })).field).toBe('passphrase')
    expect(value(await app.call('vault.unlock', { passphrase: NEXT }))).toMatchObject({
      unlocked: true,
    })
    expect(await app.core.vault.getSecrets(id)).toEqual({ apiKey: KEY })
  })

  it('never writes a passphrase into any file of the data folder', async () => {
    const app = await openHere({ passphrase: null })
    await app.call('vault.unlock', { passphrase: PASS })
    await saveConnection(app)
    await app.call('vault.changePassphrase', { current: PASS, next: NEXT })
    await app.call('vault.unlock', { passphrase: WRONG })
    await app.core.close()
    opened.splice(0)
    for (const [name, bytes] of snapshot(dir)) {
      for (const secret of [PASS, NEXT, WRONG]) {
        expect(bytes.includes(secret), `${name} holds a passphrase`).toBe(false)
        expect(bytes.includes(Buffer.from(secret, 'utf16le')), name).toBe(false)
      }
    }
  })
})

describe('vault.* handlers on a vault without a passphrase', () => {
  it('says a key-file vault has no passphrase, and changes nothing', async () => {
    const app = await openHere({ keyFile: join(dir, 'vault.key') })
    const before = snapshot(dir)
    for (const [method, input] of [
      ['vault.unlock', { passphrase: PASS }],
      ['vault.lock', {}],
      ['vault.changePassphrase', { current: PASS, next: NEXT }],
    ] as const) {
      const refused = error(await app.call(method, input))
      expect(refused.kind).toBe('invalid_input')
      expect(refused.message).toBe(
        'This key vault is protected by a key file, not a passphrase: there is nothing to unlock or lock.',
      )
    }
    expect(value(await app.call('vault.status', {}))).toMatchObject({
      keySource: 'key-file',
      created: true,
      unlocked: true,
    })
    expect(snapshot(dir)).toEqual(before)
  })
})
