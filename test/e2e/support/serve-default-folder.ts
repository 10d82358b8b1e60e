import type { ChildProcess } from 'node:child_process'
import { join, resolve } from 'node:path'
import { spawnUntil, stopChild } from './spawn-until'

const READY_LINE = /^Parallax is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))$/m

export interface ServedHost {
  child: ChildProcess
  url: string
  origin: string
  port: number
  token: string
  /** Everything the host printed so far. */
  output(): string
  stop(): Promise<void>
}

/**
 * `npm run serve` with no --data-dir and no --port, as a person starts it: the default data
 * folder (`<configHome>/Parallax`, through XDG_CONFIG_HOME) decides the folder, its port and token.
 * Starting it again on the same `configHome` is a restart.
 */
export async function serveDefaultFolder(
  configHome: string,
  args: string[] = [],
): Promise<ServedHost> {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: configHome }
  delete env.PARALLAX_DATA_DIR
  const { child, match, output } = await spawnUntil(
    [resolve('out/server/cli.js'), ...args],
    READY_LINE,
    15_000,
    env,
  )
  const port = Number(match[2])
  return {
    child,
    url: match[1] as string,
    origin: `http://127.0.0.1:${port}`,
    port,
    token: match[3] as string,
    output,
    stop: () => stopChild(child),
  }
}

/** The data folder `serveDefaultFolder(configHome)` uses. */
export function defaultDataFolder(configHome: string): string {
  return join(configHome, 'Parallax')
}
