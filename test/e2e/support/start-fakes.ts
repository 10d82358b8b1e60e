import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Connection } from '../../../src/llm/types'

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
  const child = spawn(process.execPath, [resolve('out/fakes/cli.js'), '--json', file], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`fakes did not start:\n${output}`)), 15_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      if (/^connections /m.test(output)) {
        clearTimeout(timer)
        done()
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => fail(new Error(`fakes exited with ${code}:\n${output}`)))
  })
  return {
    connections: JSON.parse(readFileSync(file, 'utf8')) as Record<string, Connection>,
    dir,
    process: child,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
