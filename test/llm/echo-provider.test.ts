import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type * as providerIds from '../../packages/llm/src/provider-ids'
import type * as registry from '../../packages/llm/src/registry'
import type { Connection } from '../../packages/llm/src/types'
import { runContractSuite } from './contract-suite'
import { missingOf, readGuide, ROOT } from './provider-checklist'
import { ECHO, type EchoConnection } from './echo-provider/echo-id'
import { ECHO_KEY, startEchoFake } from './echo-provider/echo-fake'

/*
 * A throwaway provider, `echo`, built from the pieces docs/adding-a-provider.md lists (descriptor,
 * model traits, convert / map / error files on the provider kit, a create…Plugin factory, an entry
 * file, a catalog, a fake) in test/llm/echo-provider/, run through the same contract suite as the
 * seven real providers, through the public API (complete, stream, listModels).
 *
 * The guide's two edits to shared files are made in memory, not on disk: the id appended to
 * PROVIDER_IDS (so isProviderId, the catalog schema and the errors know it) and one registry
 * entry. What this cannot prove: the `ProviderId` union and a `Connection` type (compile time
 * only; echo-id.ts names echo as a ProviderId instead), the renderer's i18n field texts and the
 * shared trust domain (other layers, which the checklist test asserts for the real providers).
 * Nothing of the suite is skipped: echo has a reasoning model and a parameter it refuses.
 */
vi.mock('../../packages/llm/src/provider-ids', async (importOriginal) => {
  const real = await importOriginal<typeof providerIds>()
  return { PROVIDER_IDS: [...real.PROVIDER_IDS, 'echo'] }
})
vi.mock('../../packages/llm/src/registry', async (importOriginal) => {
  const real = await importOriginal<typeof registry>()
  const { echoDescriptor } = await import('./echo-provider/echo-descriptor')
  // Raw catalog data, as registry.ts holds it (the registry validates it on first use).
  const echoCatalog: unknown = JSON.parse(
    readFileSync(new URL('./echo-provider/echo.json', import.meta.url), 'utf8'),
  )
  // The one entry a real provider adds to registry.ts.
  Object.assign(real.registry, {
    echo: {
      descriptor: echoDescriptor,
      catalog: echoCatalog,
      load: async () => (await import('./echo-provider/echo')).echoPlugin,
    },
  })
  return real
})

const connectionOf = (echo: EchoConnection) => echo as unknown as Connection

runContractSuite({
  provider: ECHO,
  model: 'echo-1',
  reasoningModel: 'echo-think',
  imagesAsDataUrl: true,
  unsupportedParameter: { model: 'echo-1', request: { seed: 7 }, parameter: 'seed' },
  async start() {
    const fake = await startEchoFake()
    const connection: EchoConnection = { provider: 'echo', apiKey: ECHO_KEY, baseURL: fake.url }
    return {
      fake,
      connection: connectionOf(connection),
      secrets: [ECHO_KEY],
      badConnection: connectionOf({ ...connection, apiKey: 'echo-wrong-key-9876543210' }),
      close: () => fake.close(),
    }
  },
})

describe('echo is made of what the guide lists', () => {
  const folder = 'test/llm/echo-provider'
  const library = readGuide().touchPoints.filter((p) =>
    /^packages\/llm\/src\/(providers|catalog)\//.test(p.file),
  )
  // Stand-ins, not roles: echo-id.ts for the PROVIDER_IDS and types.ts edits made in memory above,
  // echo-wire.ts a family helper (its wire types), echo-fake.ts the test/fakes/<family>/ fake.
  const standIns = ['echo-id.ts', 'echo-wire.ts', 'echo-fake.ts']

  it('has each file role of the guide, with what the guide says it contains', () => {
    expect(library.length).toBeGreaterThanOrEqual(8)
    const family = { family: 'echo', Family: 'Echo' }
    const missing = library
      .map((point) => ({ ...point, file: `${folder}/${basename(point.file)}` }))
      .map((point) => missingOf(point, 'echo', family))
    expect(missing.filter(Boolean)).toEqual([])
  })

  it('has no file beyond those roles and its stand-ins', () => {
    const roles = library.map((point) => basename(point.file).replaceAll(/<[a-zA-Z]+>/g, 'echo'))
    expect(readdirSync(join(ROOT, folder)).sort()).toEqual(
      [...new Set([...roles, ...standIns])].sort(),
    )
  })
})
