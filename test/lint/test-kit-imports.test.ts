import { ESLint } from 'eslint'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const eslint = new ESLint({ cwd: root })

/** The messages of `parallax/test-kit-imports` for `code` in `file`. */
async function kitErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'parallax/test-kit-imports')
    .map((m) => m.message)
}

describe('only tests import the renderer test kit (src/renderer/src/test-support)', () => {
  it('fails lint when a screen imports the fake host, and says why', async () => {
    const errors = await kitErrors(
      'src/renderer/src/chat/x.tsx',
      "import { createFakeClient } from '../test-support/fake-client'\nexport const c = createFakeClient()\n",
    )
    expect(errors).toEqual([
      `"../test-support/fake-client" is the renderer's test kit (src/renderer/src/test-support): only tests (*.test.ts, *.test.tsx) and the kit itself may import it (see docs/renderer.md, Tests).`,
    ])
  })

  it.each([
    [
      'src/renderer/src/chat/x.tsx',
      "import { renderWithApp } from '../test-support/render-with-app'",
    ],
    ['src/renderer/src/main.tsx', "import { providers } from './test-support/providers'"],
    ['src/renderer/src/chat/x.ts', "import fixture from '../test-support/providers.json'"],
    ['src/renderer/src/chat/x.ts', "export * from '../test-support/models-host'"],
    ['src/renderer/src/chat/x.ts', "const kit = await import('../test-support/fake-client')"],
    ['src/renderer/src/chat/x.ts', "import kit from '../test-support'"],
    ['src/renderer/src/chat/x-test.ts', "import { deferred } from '../test-support/deferred'"],
    [
      'src/renderer/src/chat/x.test-helpers.ts',
      "import { deferred } from '../test-support/deferred'",
    ],
    ['src/server/x.ts', "import { providers } from '../renderer/src/test-support/providers'"],
  ])('%s: %s is refused', async (file, code) => {
    expect(await kitErrors(file, `${code}\n`)).toHaveLength(1)
  })

  it.each([
    [
      'src/renderer/src/chat/x.test.tsx',
      "import { renderWithApp } from '../test-support/render-with-app'",
    ],
    ['src/renderer/src/chat/x.test.ts', "import { deferred } from '../test-support/deferred'"],
    ['src/renderer/src/test-support/x.ts', "import { providers } from './providers'"],
    [
      'test/renderer/x.test.ts',
      "import { providers } from '../../src/renderer/src/test-support/providers'",
    ],
    ['src/renderer/src/chat/x.ts', "import { deferred } from '../test-supportive/deferred'"],
    ['src/renderer/src/chat/x.ts', "import { useApp } from '../app/app-context'"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await kitErrors(file, `${code}\n`)).toEqual([])
  })
})
