import { providers } from '@parallax/llm'
import { describe, expect, it } from 'vitest'

// The renderer may not import the library, so its test kit answers `providers.list` from a copy:
// this test keeps the copy equal to what the host really sends. After a change to a provider's
// descriptor, `npx vitest run test/renderer/test-kit-providers.test.ts -u` writes it again.
const FIXTURE = '../../src/renderer/src/test-support/providers.json'

describe("the renderer test kit's providers", () => {
  it('are the provider library’s list, as the host answers providers.list', async () => {
    await expect(`${JSON.stringify(providers, null, 2)}\n`).toMatchFileSnapshot(FIXTURE)
  })
})
