import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { spawnUntil, stopChild } from './spawn-until'

export interface ServedApp {
  url: string
  origin: string
  port: number
  token: string
  dataDir: string
  process: ChildProcess
  stop(): Promise<void>
}

const READY_LINE = /^Parallax is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))$/m

/** Starts the built web host (`out/server/cli.js`) as `npm run serve` does, in a fresh data folder. */
export async function startServedApp(prepare?: (dataDir: string) => void): Promise<ServedApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parallax-e2e-'))
  prepare?.(dataDir)
  const { child, match } = await spawnUntil(
    [resolve('out/server/cli.js'), '--port', '0', '--data-dir', dataDir],
    READY_LINE,
  )
  const port = Number(match[2])
  return {
    url: match[1] as string,
    origin: `http://127.0.0.1:${port}`,
    port,
    token: match[3] as string,
    dataDir,
    process: child,
    async stop() {
      await stopChild(child)
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
