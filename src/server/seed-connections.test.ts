import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../core/index'
import { createDispatcher, type Dispatch } from '../shared/dispatch'
import { seedConnections } from './seed-connections'
import { openTestCore } from '../../test/support/test-core'

describe('--connections seeding', () => {
  let dir: string
  let core: Core
  let dispatch: Dispatch<void>
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-seed-'))
    core = await openTestCore(dir)
    dispatch = createDispatcher(core.handlers)
  })
  afterAll(async () => {
    await core.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const list = async () =>
    (
      (await dispatch('connections.list', {})) as {
        value: { connections: { label: string; fields: Record<string, string> }[] }
      }
    ).value.connections

  it('saves each connection once, updating it on the next start', async () => {
    const file = join(dir, 'c.json')
    const write = (port: number) =>
      writeFileSync(
        file,
        JSON.stringify({
          compatible: { provider: 'openai-compatible', baseURL: `http://127.0.0.1:${port}/v1` },
        }),
      )
    write(1111)
    expect(await seedConnections(dispatch, file)).toBe(1)
    write(2222)
    expect(await seedConnections(dispatch, file)).toBe(1)
    const saved = await list()
    expect(saved.map((c) => c.label)).toEqual(['Demo — compatible'])
    expect(saved[0]?.fields.baseURL).toBe('http://127.0.0.1:2222/v1')
  })

  it('names the file or entry that is wrong, and saves nothing from it', async () => {
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, '{"x": {"baseURL": "http://h"}}')
    await expect(seedConnections(dispatch, bad)).rejects.toThrow(/"x" has no provider/)
    await expect(seedConnections(dispatch, join(dir, 'missing.json'))).rejects.toThrow(
      /cannot read .*missing\.json/,
    )
    expect((await list()).map((c) => c.label)).toEqual(['Demo — compatible'])
  })
})
