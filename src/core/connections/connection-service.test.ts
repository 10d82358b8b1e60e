import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OPENAI_FAKE_DEFAULTS, startOpenAIFake } from '../../../test/fakes/openai/openai-fake'
import type { FakeServer } from '../../../test/fakes/fake-script'
import { RpcFailure } from '../../shared/rpc-result'
import type { Core } from '../create-core'
import { toRpcFailure } from '../handler-boundary'
import { createConnectionRepository } from './connection-repository'
import { createConnectionService, type ConnectionService } from './connection-service'
import { openTestCore } from '../../../test/support/test-core'

const KEY = OPENAI_FAKE_DEFAULTS.openaiKey

async function failure(promise: Promise<unknown>): Promise<RpcFailure> {
  try {
    await promise
  } catch (error) {
    // What the person gets: the service's refusal as the handler boundary answers it.
    const answer = toRpcFailure(error)
    expect(answer).toBeInstanceOf(RpcFailure)
    return answer as RpcFailure
  }
  throw new Error('expected a failure')
}

describe('connections', () => {
  let dir: string
  let core: Core
  let fake: FakeServer
  let service: ConnectionService

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-connections-'))
    fake = await startOpenAIFake()
    core = await openTestCore(dir)
    service = createConnectionService({
      repository: createConnectionRepository(core.database),
      vault: core.vault,
    })
  })
  afterAll(async () => {
    await core.close()
    await fake.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('saves the secret in the vault only, and shows nothing but its last 4 characters', async () => {
    const saved = await service.create({
      provider: 'openai',
      label: ' OpenAI — work ',
      fields: { apiKey: `  ${KEY}\n`, baseURL: `${fake.url}/v1`, organization: '' },
    })
    expect(saved).toMatchObject({
      provider: 'openai',
      label: 'OpenAI — work',
      fields: { baseURL: `${fake.url}/v1` },
      secrets: { apiKey: { set: true, last4: KEY.slice(-4) } },
    })
    expect(JSON.stringify(saved)).not.toContain(KEY.slice(0, -4))
    expect(JSON.stringify(await service.list())).not.toContain(KEY.slice(0, -4))
    // Nothing on disk holds the key in plain text: the database, its WAL, the vault.
    for (const file of readdirSync(dir)) {
      expect(readFileSync(join(dir, file)).includes(KEY), file).toBe(false)
    }
    const connection = await service.resolve(saved.id)
    expect(connection).toMatchObject({ provider: 'openai', apiKey: KEY, baseURL: `${fake.url}/v1` })
  })

  it('tests a connection with the provider’s model list and reports a rejected key in plain words', async () => {
    const saved = await service.create({
      provider: 'openai',
      label: 'test me',
      fields: { apiKey: KEY, baseURL: `${fake.url}/v1` },
    })
    const good = await service.test({ id: saved.id })
    expect(good.ok).toBe(true)
    expect(good.models).toBeGreaterThan(0)

    const wrongKey = 'sk-proj-wrong000000000000000000000000000000000000000000000'
    await service.update({ id: saved.id, fields: { apiKey: wrongKey } })
    const bad = await service.test({ id: saved.id })
    expect(bad).toMatchObject({ ok: false, kind: 'auth' })
    expect(JSON.stringify(bad)).not.toContain(wrongKey)
  })

  it('checks an Azure key with a 1-token answer, since deployments cannot be listed', async () => {
    const saved = await service.create({
      provider: 'azure',
      label: 'Azure',
      fields: { endpoint: fake.url, apiKey: OPENAI_FAKE_DEFAULTS.azureKey },
    })
    const before = fake.requests.length
    expect(await service.test({ id: saved.id })).toMatchObject({ ok: true })
    expect(fake.requests.slice(before).some((r) => r.url.includes('/chat/completions'))).toBe(true)
  })

  it('names the bad field: a missing key, an unknown field, a key file that is not one', async () => {
    expect(
      await failure(service.create({ provider: 'openai', label: 'x', fields: {} })),
    ).toMatchObject({
      kind: 'invalid_input',
      field: 'fields.apiKey',
    })
    expect(
      await failure(
        service.create({ provider: 'openai', label: 'x', fields: { apiKey: KEY, colour: 'red' } }),
      ),
    ).toMatchObject({ kind: 'invalid_input', field: 'fields.colour' })
    expect(
      await failure(
        service.create({
          provider: 'vertex',
          label: 'x',
          fields: { project: 'p', location: 'us-central1', serviceAccountJson: '{"type": "nope"}' },
        }),
      ),
    ).toMatchObject({ kind: 'invalid_input', field: 'fields.serviceAccountJson' })
    expect(
      await failure(
        service.create({
          provider: 'openai',
          label: 'x',
          fields: { apiKey: KEY, baseURL: 'ftp://x' },
        }),
      ),
    ).toMatchObject({ field: 'fields.baseURL' })
    expect(
      await failure(service.create({ provider: 'acme', label: 'x', fields: {} })),
    ).toMatchObject({
      field: 'provider',
    })
  })

  it('updates fields (null removes one, absent keeps it) and refuses to drop a required one', async () => {
    const saved = await service.create({
      provider: 'openai',
      label: 'edit me',
      fields: { apiKey: KEY, organization: 'org-1', project: 'proj-1' },
    })
    const updated = await service.update({
      id: saved.id,
      label: 'edited',
      fields: { organization: null },
    })
    expect(updated.label).toBe('edited')
    expect(updated.fields).toEqual({ project: 'proj-1' })
    expect(updated.secrets.apiKey?.set).toBe(true)
    expect(await failure(service.update({ id: saved.id, fields: { apiKey: null } }))).toMatchObject(
      {
        field: 'fields.apiKey',
      },
    )
    expect((await service.resolve(saved.id)) as unknown).toMatchObject({ apiKey: KEY })
  })

  it('deletes the row and its secrets', async () => {
    const saved = await service.create({
      provider: 'anthropic',
      label: 'gone',
      fields: { apiKey: 'sk-ant-api03-deleteme0000' },
    })
    expect(await service.delete(saved.id)).toBe(true)
    expect(await service.delete(saved.id)).toBe(false)
    expect((await service.list()).some((c) => c.id === saved.id)).toBe(false)
    expect((await core.vault.hints(saved.id, ['apiKey'])).apiKey?.set).toBe(false)
    expect(await failure(service.resolve(saved.id))).toMatchObject({ kind: 'not_found' })
  })
})
