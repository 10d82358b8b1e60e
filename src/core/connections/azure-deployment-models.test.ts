import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FakeServer } from '../../../test/fakes/fake-script'
import { OPENAI_FAKE_DEFAULTS, startOpenAIFake } from '../../../test/fakes/openai/openai-fake'
import { okValue, openTestCore } from '../../../test/support/test-core'
import { createDispatcher, type Dispatch } from '../../shared/dispatch'
import type { ConnectionSummary } from '../../shared/connection-schemas'
import type { ModelCapabilitiesView } from '../../shared/model-schemas'
import type { RunDonePayload } from '../../shared/run-schemas'
import type { Core } from '../create-core'

let dir: string
let fake: FakeServer
let core: Core
let call: Dispatch<void>
let done: RunDonePayload[]

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-azure-models-'))
  fake = await startOpenAIFake({ azureModels: { 'my-deployment': 'gpt-5.2' } })
  done = []
  core = await openTestCore(dir, {
    emit: (event, payload) => {
      if (event === 'run.done') done.push(payload as RunDonePayload)
    },
  })
  call = createDispatcher(core.handlers)
})
afterEach(async () => {
  await core.close()
  await fake.close()
  rmSync(dir, { recursive: true, force: true })
})

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 15_000
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

async function azure(fields: Record<string, string> = {}): Promise<string> {
  return okValue<{ id: string }>(
    await call('connections.create', {
      provider: 'azure',
      label: 'Azure',
      fields: { endpoint: fake.url, apiKey: OPENAI_FAKE_DEFAULTS.azureKey, ...fields },
    }),
  ).id
}

const capabilitiesOf = async (connectionId: string) =>
  okValue<ModelCapabilitiesView>(
    await call('models.capabilities', { connectionId, model: 'my-deployment' }),
  )

describe('an Azure deployment follows its base model', () => {
  it('takes its rules from the form field', async () => {
    const guessed = await capabilitiesOf(await azure())
    expect(guessed.parameters.reasoning_effort?.support).toBe('unsupported')
    const named = await capabilitiesOf(await azure({ baseModels: 'my-deployment = gpt-5.2' }))
    expect(named.known).toBe(true)
    expect(named.parameters.reasoning_effort?.support).toBe('supported')
    expect(named.parameters.temperature?.support).toBe('unsupported')
  })

  it('fills the field in once the deployment has answered, and prices the run by the model', async () => {
    const connectionId = await azure()
    okValue(await call('runs.startChat', { connectionId, model: 'my-deployment', prompt: 'Hi' }))
    await until(() => done.length === 1)
    expect(done[0]?.status).toBe('done')
    // The service said what it serves: the run is priced as that model, not left unpriced.
    expect(done[0]?.cost.usd).toBeGreaterThan(0)
    const list = okValue<{ connections: ConnectionSummary[] }>(
      await call('connections.list', {}),
    ).connections
    const saved = list.find((c) => c.id === connectionId)
    expect(saved?.fields.baseModels).toBe('my-deployment = gpt-5.2-2025-04-14')
    const caps = await capabilitiesOf(connectionId)
    expect(caps.known).toBe(true)
    expect(caps.parameters.reasoning_effort?.support).toBe('supported')
  })

  it('keeps a model the person named, whatever the deployment answers with', async () => {
    const connectionId = await azure({ baseModels: 'my-deployment = gpt-5.4' })
    okValue(await call('runs.startChat', { connectionId, model: 'my-deployment', prompt: 'Hi' }))
    await until(() => done.length === 1)
    const list = okValue<{ connections: ConnectionSummary[] }>(
      await call('connections.list', {}),
    ).connections
    expect(list.find((c) => c.id === connectionId)?.fields.baseModels).toBe(
      'my-deployment = gpt-5.4',
    )
  })
})
