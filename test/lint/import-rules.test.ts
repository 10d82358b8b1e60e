import { ESLint } from 'eslint'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const eslint = new ESLint({ cwd: root })

async function ruleErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'parallax/layer-boundaries')
    .map((m) => m.message)
}

describe('import rules from ARCHITECTURE.md', () => {
  it('fails lint when the renderer imports src/core', async () => {
    const errors = await ruleErrors(
      'src/renderer/src/bad-import.ts',
      "import { createCore } from '../../core/create-core'\nexport const x = createCore\n",
    )
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/src\/renderer may not import src\/core/)
  })

  it.each([
    ['src/renderer/src/x.ts', "import { ipcRenderer } from 'electron'"],
    ['src/renderer/src/x.ts', "import { readFileSync } from 'node:fs'"],
    ['src/llm/x.ts', "import { app } from 'electron'"],
    ['src/llm/x.ts', "import { DatabaseSync } from 'node:sqlite'"],
    ['src/llm/x.ts', "export * from '../core/create-core'"],
    ['src/shared/x.ts', "import { join } from 'node:path'"],
    ['src/shared/x.ts', "import React from 'react'"],
    ['src/shared/x.ts', "import { x } from '../server/web-host'"],
    ['src/core/x.ts', "import { app } from 'electron'"],
    ['src/core/x.ts', "import { startWebHost } from '../server/web-host'"],
    ['src/preload/x.ts', "import { createCore } from '../core/create-core'"],
    ['src/server/x.ts', "const m = await import('../main/app-url')"],
    ['src/server/x.ts', "import { BrowserWindow } from 'electron'"],
    ['src/core/x.ts', "import fixture from '../../test/fakes/x'"],
  ])('%s: %s is refused', async (file, code) => {
    expect(await ruleErrors(file, `${code}\n`)).toHaveLength(1)
  })

  it.each([
    ['src/renderer/src/x.ts', "import type { AppInfo } from '../../shared/contract'"],
    ['src/core/x.ts', "import { z } from 'zod'\nimport { join } from 'node:path'"],
    ['src/server/x.ts', "import { createCore } from '../core/create-core'"],
    [
      'src/main/x.ts',
      "import { app } from 'electron'\nimport { createCore } from '../core/create-core'",
    ],
    [
      'src/preload/x.ts',
      "import { contextBridge } from 'electron'\nimport { BRIDGE_GLOBAL } from '../shared/client'",
    ],
    ['src/shared/x.ts', "import { z } from 'zod'"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await ruleErrors(file, `${code}\n`)).toEqual([])
  })
})
