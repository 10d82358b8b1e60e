import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Connection } from '../../../packages/llm/src/types'
import { spawnUntil, stopChild } from './spawn-until'

export interface RunningFakes {
  connections: Record<string, Connection>
  dir: string
  process: ChildProcess
  stop(): Promise<void>
}

/** Starts `out/fakes/cli.js` (what `npm run fakes` runs) and reads the connections it printed. */
export async function startFakes(): Promise<RunningFakes> {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-fakes-'))
  const file = join(dir, 'connections.json')
  const { child } = await spawnUntil(
    [resolve('out/fakes/cli.js'), '--json', file],
    /^connections /m,
  )
  return {
    connections: JSON.parse(readFileSync(file, 'utf8')) as Record<string, Connection>,
    dir,
    process: child,
    async stop() {
      await stopChild(child)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
