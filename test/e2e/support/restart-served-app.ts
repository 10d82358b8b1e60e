import { resolve } from 'node:path'
import { spawnUntil, stopChild } from './spawn-until'
import type { ServedApp } from './start-served-app'

const READY_LINE = /^Parallax is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))$/m

/**
 * Starts the built web host again on `app`'s data folder and port, once that host has gone
 * (stopped or killed), as a person would after a crash: the token is the data folder's, so pages
 * of the first host can simply reload. Its `stop` leaves the folder in place: the first app's
 * `stop` removes it.
 */
export async function restartServedApp(app: ServedApp): Promise<ServedApp> {
  if (app.process.exitCode === null && app.process.signalCode === null) {
    await new Promise((done) => app.process.once('exit', done))
  }
  const { child, match } = await spawnUntil(
    [resolve('out/server/cli.js'), '--port', String(app.port), '--data-dir', app.dataDir],
    READY_LINE,
  )
  const port = Number(match[2])
  return {
    url: match[1] as string,
    origin: `http://127.0.0.1:${port}`,
    port,
    token: match[3] as string,
    dataDir: app.dataDir,
    process: child,
    stop: () => stopChild(child),
  }
}
