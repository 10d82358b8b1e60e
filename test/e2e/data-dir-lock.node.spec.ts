import { expect, test } from '@playwright/test'
import type { ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startHeldStreamServer, type HeldStreamServer } from './support/held-stream-server'
import { hostRpc } from './support/host-rpc'
import { runNode } from './support/run-node'
import { spawnUntil } from './support/spawn-until'

// Two real web hosts (out/server/cli.js) on one data folder: the second is refused and touches
// nothing; the first keeps its live run; after kill -9 of the first, a new start takes the folder.
const READY = /^Parallax is running at http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+)$/m
const CLI = resolve('out/server/cli.js')

interface Host {
  origin: string
  token: string
  child: ChildProcess
}

let base: string
let server: HeldStreamServer | undefined
const children: ChildProcess[] = []

test.beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'parallax-e2e-lock-'))
})
test.afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
  await server?.close()
  rmSync(base, { recursive: true, force: true })
})

async function startHost(dataDir: string): Promise<Host> {
  const { child, match } = await spawnUntil([CLI, '--port', '0', '--data-dir', dataDir], READY)
  children.push(child)
  return { origin: `http://127.0.0.1:${match[1]}`, token: match[2] as string, child }
}

async function value<T>(host: Host, method: string, input: unknown): Promise<T> {
  const result = await hostRpc(host, method, input)
  expect(result.ok, `${method}: ${JSON.stringify(result)}`).toBe(true)
  return result.value as T
}

/** Every file in the folder with its size, modification time and content hash. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {}
  for (const name of readdirSync(dir)) {
    const stat = statSync(join(dir, name))
    if (!stat.isFile()) continue
    const hash = createHash('sha256')
      .update(readFileSync(join(dir, name)))
      .digest('hex')
    files[name] = `${stat.size} ${stat.mtimeMs} ${hash}`
  }
  return files
}

type Run = { status: string; answer: string }
async function runOf(host: Host, conversationId: string): Promise<Run> {
  const detail = await value<{ runs: Run[] }>(host, 'history.get', { id: conversationId })
  return detail.runs[0] as Run
}

test('a second web host on a folder in use is refused, naming the holder, and changes nothing', async () => {
  const dataDir = join(base, 'data')
  server = await startHeldStreamServer('The first half, ', 'and the second half.')
  const first = await startHost(dataDir)
  const { id } = await value<{ id: string }>(first, 'connections.create', {
    provider: 'openai-compatible',
    label: 'Held stream',
    fields: { baseURL: server.baseURL, apiKey: 'sk-local-key-stays-in-the-vault-0000' },
  })
  const { conversationId } = await value<{ conversationId: string }>(first, 'runs.startChat', {
    connectionId: id,
    model: 'held',
    prompt: 'Answer in two halves',
  })
  await server.started
  // The first half is saved and the run is live: the state a second start used to break.
  await expect.poll(async () => (await runOf(first, conversationId)).answer).toContain('first half')
  expect((await runOf(first, conversationId)).status).toBe('streaming')
  const before = snapshot(dataDir)
  expect(Object.keys(before)).toEqual(expect.arrayContaining(['history.sqlite', 'vault.json']))

  const second = await runNode([CLI, '--port', '0', '--data-dir', dataDir])
  expect(second.code).toBe(1)
  expect(second.stdout).toBe('')
  const lines = second.stderr.trimEnd().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(
    new RegExp(
      `^parallax: the data folder ${escape(dataDir)} is in use by the Parallax web host ` +
        `\\(pid ${first.child.pid}, started \\d\\d:\\d\\d\\)\\. Use that one, or start with ` +
        `--data-dir another folder\\.$`,
    ),
  )
  // Not a byte changed, and the live run was not marked interrupted.
  expect(snapshot(dataDir)).toEqual(before)
  expect((await runOf(first, conversationId)).status).toBe('streaming')

  // The first host goes on as if nothing happened: the run finishes with all its text.
  server.finish()
  await expect.poll(async () => (await runOf(first, conversationId)).status).toBe('done')
  expect((await runOf(first, conversationId)).answer).toBe('The first half, and the second half.')
  expect(await value(first, 'vault.status', {})).toMatchObject({ count: 1 })

  // kill -9 leaves no process to release the lock: the OS does, and the next start takes over.
  const killed = new Promise((done) => first.child.once('exit', done))
  first.child.kill('SIGKILL')
  await killed
  const third = await startHost(dataDir)
  expect((await runOf(third, conversationId)).answer).toBe('The first half, and the second half.')
  expect(await value(third, 'vault.status', {})).toMatchObject({ count: 1 })
  expect(await value(third, 'app.info', {})).toMatchObject({ dataDir })
})

test('a start-up failure prints one sentence and writes the details to a log in the folder', async () => {
  const dataDir = join(base, 'data')
  const first = await startHost(dataDir)
  const stopped = new Promise((done) => first.child.once('exit', done))
  first.child.kill('SIGTERM')
  await stopped
  // settings.json as a folder: Parallax cannot read its settings, which it cannot recover from.
  rmSync(join(dataDir, 'settings.json'), { force: true })
  mkdirSync(join(dataDir, 'settings.json'))

  const secret = 'sk-proj-never-in-the-startup-log-0123456789'
  const failed = await runNode([CLI, '--port', '0', '--data-dir', dataDir], {
    OPENAI_API_KEY: secret,
  })
  const log = join(dataDir, 'logs', 'startup.log')
  expect(failed.code).toBe(1)
  expect(failed.stderr).toMatch(
    new RegExp(`^parallax: could not start: EISDIR[^\n]*; the details are in ${escape(log)}\\.\n$`),
  )
  expect(failed.stderr).not.toMatch(/\n\s+at /)
  const details = readFileSync(log, 'utf8')
  expect(details).toMatch(/^\[\d{4}-\d\d-\d\dT[\d:.]+Z\] could not start \(pid \d+/)
  expect(details).toMatch(/EISDIR/)
  expect(details).toMatch(/\n\s+at /)
  expect(details).not.toContain(secret)
  if (process.platform !== 'win32') expect(statSync(log).mode & 0o777).toBe(0o600)
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
