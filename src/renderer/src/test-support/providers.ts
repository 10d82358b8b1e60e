import type { ProviderView } from '../app/app-context'
import fixture from './providers.json'

/**
 * Every provider as the host lists it (`providers.list`). The JSON is the provider library's own
 * list, kept equal to it by test/renderer/test-kit-providers.test.ts: the renderer may not import
 * the library, and a hand-made copy would drift.
 */
export const providers: readonly ProviderView[] = fixture

/** One provider of the real list, by id. */
export function providerNamed(id: string): ProviderView {
  const provider = providers.find((candidate) => candidate.id === id)
  if (!provider) throw new Error(`The provider list has no "${id}".`)
  return provider
}
