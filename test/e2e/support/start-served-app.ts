import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

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
export async function startServedApp(): Promise<ServedApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parallax-e2e-'))
  const child = spawn(
    process.execPath,
    [resolve('out/server/cli.js'), '--port', '0', '--data-dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  const match = await new Promise<RegExpExecArray>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`web host did not start:\n${output}`)), 15_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const found = READY_LINE.exec(output)
      if (found) {
        clearTimeout(timer)
        done(found)
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => fail(new Error(`web host exited with ${code}:\n${output}`)))
  })
  const url = match[1] as string
  const port = Number(match[2])
  return {
    url,
    origin: `http://127.0.0.1:${port}`,
    port,
    token: match[3] as string,
    dataDir,
    process: child,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
