import { ESLint } from 'eslint'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LAYERS } from '../../eslint-rules/layers.js'

const root = resolve(import.meta.dirname, '../..')
const eslint = new ESLint({ cwd: root })

/** The messages of both `parallax/` rules (layer-boundaries, public-entries) for `code` in `file`. */
async function ruleErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId?.startsWith('parallax/'))
    .map((m) => m.message)
}

describe('import rules from docs/architecture.md', () => {
  it('fails lint when the renderer imports src/core', async () => {
    const errors = await ruleErrors(
      'src/renderer/src/bad-import.ts',
      "import { openCore } from '../../core/index'\nexport const x = openCore\n",
    )
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/src\/renderer may not import src\/core/)
    expect(errors[0]).toContain('(see docs/architecture.md)')
  })

  it.each([
    ['src/renderer/src/x.ts', "import { ipcRenderer } from 'electron'"],
    ['src/renderer/src/x.ts', "import { readFileSync } from 'node:fs'"],
    ['packages/llm/src/x.ts', "import { app } from 'electron'"],
    ['packages/llm/src/x.ts', "import { DatabaseSync } from 'node:sqlite'"],
    ['packages/llm/src/x.ts', "export * from '../../../src/core/create-core'"],
    ['packages/llm/src/x.ts', "import { stream } from '@parallax/llm'"],
    ['src/renderer/src/x.ts', "import { stream } from '@parallax/llm'"],
    ['src/shared/x.ts', "import type { Connection } from '@parallax/llm'"],
    ['src/preload/x.ts', "import { providers } from '../../packages/llm/src/index'"],
    ['src/shared/x.ts', "import { join } from 'node:path'"],
    ['src/shared/x.ts', "import React from 'react'"],
    ['src/shared/x.ts', "import { x } from '../server/web-host'"],
    ['src/core/x.ts', "import { app } from 'electron'"],
    ['src/core/x.ts', "import { startWebHost } from '../server/web-host'"],
    ['src/preload/x.ts', "import { openCore } from '../core/create-core'"],
    ['src/server/x.ts', "const m = await import('../main/app-url')"],
    ['src/server/x.ts', "import { BrowserWindow } from 'electron'"],
    ['src/core/x.ts', "import fixture from '../../test/fakes/x'"],
  ])('%s: %s is refused', async (file, code) => {
    expect(await ruleErrors(file, `${code}\n`)).toHaveLength(1)
  })

  it.each([
    ['src/renderer/src/x.ts', "import type { AppInfo } from '../../shared/contract'"],
    ['src/core/x.ts', "import { z } from 'zod'\nimport { join } from 'node:path'"],
    ['src/server/x.ts', "import { openCore } from '../core/index'"],
    ['src/main/x.ts', "import { app } from 'electron'\nimport { openCore } from '../core/index'"],
    [
      'src/preload/x.ts',
      "import { contextBridge } from 'electron'\nimport { BRIDGE_GLOBAL } from '../shared/client'",
    ],
    ['src/shared/x.ts', "import { z } from 'zod'"],
    ['src/core/x.ts', "import { stream, type Connection } from '@parallax/llm'"],
    ['src/main/x.ts', "import { providers } from '@parallax/llm'"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await ruleErrors(file, `${code}\n`)).toEqual([])
  })
})

describe('another layer is used only through its public entry', () => {
  it.each([
    ['src/core/x.ts', "import { stream } from '../../packages/llm/src/call'", '"@parallax/llm"'],
    ['src/core/x.ts', "import { stream } from '../../packages/llm/src/index'", '"@parallax/llm"'],
    ['src/core/x.ts', "import { stream } from '../../packages/llm/src'", '"@parallax/llm"'],
    ['src/core/x.ts', "import { stream } from '@parallax/llm/src/call'", '"@parallax/llm"'],
    ['src/core/x.ts', "import { stream } from '@parallax/llm/dist/index.js'", '"@parallax/llm"'],
    [
      'src/core/runs/x.test.ts',
      "import type { Connection } from '../../../packages/llm/src/types'",
      '"@parallax/llm"',
    ],
    ['src/server/x.ts', "import { openCore } from '../core/create-core'", 'src/core/index.ts'],
    ['src/server/x.ts', "const m = await import('../core/startup-log')", 'src/core/index.ts'],
    ['src/main/x.ts', "import { VaultError } from '../core/vault'", 'src/core/index.ts'],
    ['src/renderer/src/x.ts', "import { x } from '../../shared/schemas/x'", 'src/shared/*.ts'],
  ])('%s: %s is refused, naming %s', async (file, code, entry) => {
    const errors = await ruleErrors(file, `${code}\n`)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(`only through ${entry}, not "`)
    expect(errors[0]).toContain('(see docs/architecture.md)')
  })

  it('says which entry to use instead', async () => {
    expect(
      await ruleErrors('src/core/runs/x.ts', "import { stream } from '../core/index'\n"),
    ).toEqual([])
    expect(
      await ruleErrors('src/server/x.ts', "import { openCore } from '../core/create-core'\n"),
    ).toEqual([
      'src/server may use src/core only through src/core/index.ts, not "../core/create-core" (see docs/architecture.md).',
    ])
    expect(
      await ruleErrors('src/core/runs/x.ts', "import { stream } from '@parallax/llm/call'\n"),
    ).toEqual([
      'src/core may use @parallax/llm only through "@parallax/llm", not "@parallax/llm/call" (see docs/architecture.md).',
    ])
  })

  it.each([
    ['src/core/x.ts', "import { stream } from '@parallax/llm'"],
    ['src/server/x.ts', "import { openCore, type Core } from '../core/index'"],
    ['src/server/x.ts', "import { openCore } from '../core'"],
    ['src/renderer/src/x.ts', "import { methods } from '../../shared/contract'"],
    ['packages/llm/src/x.ts', "import { retryDelay } from './internal/retry-policy'"],
    ['src/core/runs/x.test.ts', "import { createHistoryStore } from '../history/history-store'"],
    ['src/shared/x.ts', "import { x } from './sub/internal'"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await ruleErrors(file, `${code}\n`)).toEqual([])
  })
})

describe('the LAYERS table', () => {
  const importedByAnother = Object.keys(LAYERS).filter((name) =>
    Object.entries(LAYERS).some(([other, rules]) => other !== name && rules.layers.includes(name)),
  )

  it('gives every layer another layer may import a public entry that exists', () => {
    expect(importedByAnother.sort()).toEqual(['core', 'llm', 'shared'])
    for (const name of importedByAnother) {
      const rules = LAYERS[name]
      if (rules?.library !== undefined) {
        // A layer that is its own package: its name and its one entry are the package's.
        const pkgFile = resolve(root, rules.folder, '../package.json')
        const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { name: string; exports: object }
        expect(pkg.name).toBe(rules.library)
        expect(Object.keys(pkg.exports)).toContain('.')
        expect(rules.entries).toEqual([])
        continue
      }
      const entries = rules?.entries ?? []
      expect(entries, name).not.toEqual([])
      for (const entry of entries) {
        const folder = resolve(root, rules?.folder ?? '')
        const found = entry.includes('*')
          ? readdirSync(folder).some((file) => file.endsWith(entry.replace('*', '')))
          : existsSync(resolve(folder, entry))
        expect(found, `${rules?.folder}/${entry}`).toBe(true)
      }
    }
  })

  it('matches docs/architecture.md, which names every public entry', () => {
    const doc = readFileSync(resolve(root, 'docs/architecture.md'), 'utf8')
    for (const name of importedByAnother) {
      const rules = LAYERS[name]
      if (rules?.library !== undefined) expect(doc).toContain(`\`${rules.library}\``)
      for (const entry of rules?.entries ?? []) expect(doc).toContain(`${rules?.folder}/${entry}`)
    }
  })
})
