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
    ['src/llm/x.ts', "import { app } from 'electron'"],
    ['src/llm/x.ts', "import { DatabaseSync } from 'node:sqlite'"],
    ['src/llm/x.ts', "export * from '../core/create-core'"],
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
  ])('%s: %s is allowed', async (file, code) => {
    expect(await ruleErrors(file, `${code}\n`)).toEqual([])
  })
})

describe('another layer is used only through its public entry', () => {
  it.each([
    ['src/core/x.ts', "import { stream } from '../llm/call'", 'src/llm/index.ts'],
    [
      'src/core/history/x.ts',
      "import { redactText } from '../../llm/errors/redact-secrets'",
      'src/llm/index.ts',
    ],
    [
      'src/core/runs/x.test.ts',
      "import type { Connection } from '../../llm/types'",
      'src/llm/index.ts',
    ],
    ['src/server/x.ts', "import { openCore } from '../core/create-core'", 'src/core/index.ts'],
    ['src/server/x.ts', "const m = await import('../core/startup-log')", 'src/core/index.ts'],
    ['src/main/x.ts', "import { VaultError } from '../core/vault'", 'src/core/index.ts'],
    ['src/main/x.ts', "import { stream } from '../llm/call.ts'", 'src/llm/index.ts'],
    ['src/renderer/src/x.ts', "import { x } from '../../shared/schemas/x'", 'src/shared/*.ts'],
  ])('%s: %s is refused, naming %s', async (file, code, entry) => {
    const errors = await ruleErrors(file, `${code}\n`)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(`only through ${entry}, not "`)
    expect(errors[0]).toContain('(see docs/architecture.md)')
  })

  it('says which entry to use instead', async () => {
    expect(
      await ruleErrors('src/core/runs/x.ts', "import { stream } from '../../llm/call'\n"),
    ).toEqual([
      'src/core may use src/llm only through src/llm/index.ts, not "../../llm/call" (see docs/architecture.md).',
    ])
  })

  it.each([
    ['src/core/x.ts', "import { stream } from '../llm/index'"],
    ['src/core/x.ts', "import { stream } from '../llm'"],
    ['src/server/x.ts', "import { openCore, type Core } from '../core/index'"],
    ['src/server/x.ts', "import { openCore } from '../core'"],
    ['src/renderer/src/x.ts', "import { methods } from '../../shared/contract'"],
    ['src/llm/x.ts', "import { retryDelay } from './internal/retry-policy'"],
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
      const entries = LAYERS[name]?.entries ?? []
      expect(entries, name).not.toEqual([])
      for (const entry of entries) {
        const folder = resolve(root, 'src', name)
        const found = entry.includes('*')
          ? readdirSync(folder).some((file) => file.endsWith(entry.replace('*', '')))
          : existsSync(resolve(folder, entry))
        expect(found, `src/${name}/${entry}`).toBe(true)
      }
    }
  })

  it('matches docs/architecture.md, which names every public entry', () => {
    const doc = readFileSync(resolve(root, 'docs/architecture.md'), 'utf8')
    for (const name of importedByAnother) {
      for (const entry of LAYERS[name]?.entries ?? []) expect(doc).toContain(`src/${name}/${entry}`)
    }
  })
})
