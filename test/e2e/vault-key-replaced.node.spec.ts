import { expect, test } from '@playwright/test'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import type { Connection } from '../../packages/llm/src/types'
import { hostRpc } from './support/host-rpc'
import { startFakes, type RunningFakes } from './support/start-fakes'
import { spawnUntil, stopChild } from './support/spawn-until'

// The web host on a data folder whose vault.key was replaced: it must start (not exit 1), with
// the history, a notice, and the connection waiting for its key, which then works at once.
const READY = /^Parallax is running at http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+)$/m

interface Host {
  origin: string
  token: string
  child: ChildProcess
  output: () => string
}

async function startHost(dataDir: string): Promise<Host> {
  const { child, match, output } = await spawnUntil(
    [resolve('out/server/cli.js'), '--port', '0', '--data-dir', dataDir],
    READY,
  )
  return { origin: `http://127.0.0.1:${match[1]}`, token: match[2] as string, child, output }
}

async function value<T>(host: Host, method: string, input: unknown): Promise<T> {
  const result = await hostRpc(host, method, input)
  expect(result.ok, `${method}: ${JSON.stringify(result)}`).toBe(true)
  return result.value as T
}

async function chatUntilDone(host: Host, connectionId: string, prompt: string) {
  const started = await value<{ conversationId: string }>(host, 'runs.startChat', {
    connectionId,
    model: 'gpt-4.1-mini',
    prompt,
  })
  type Detail = {
    runs: { status: string; errorKind: string | null; errorMessage: string | null }[]
  }
  let detail: Detail = { runs: [] }
  await expect
    .poll(async () => {
      detail = await value<Detail>(host, 'history.get', { id: started.conversationId })
      return detail.runs[0]?.status
    })
    .toMatch(/^(done|error)$/)
  return { conversationId: started.conversationId, run: detail.runs[0] }
}

let fakes: RunningFakes
let dataDir: string
test.beforeAll(async () => {
  fakes = await startFakes()
  dataDir = mkdtempSync(join(tmpdir(), 'parallax-e2e-reentry-'))
})
test.afterAll(async () => {
  await fakes?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

test('a replaced vault.key: the host starts with its history and asks for the key again', async () => {
  const fake = fakes.connections.openai as Connection & { apiKey: string; baseURL: string }
  const first = await startHost(dataDir)
  const { id } = await value<{ id: string }>(first, 'connections.create', {
    provider: 'openai',
    label: 'fake openai',
    fields: { apiKey: fake.apiKey, baseURL: fake.baseURL },
  })
  const before = await chatUntilDone(first, id, 'Before the key file was replaced')
  expect(before.run?.status).toBe('done')
  await stopChild(first.child)
  const oldVault = readFileSync(join(dataDir, 'vault.json'))
  rmSync(join(dataDir, 'vault.key'))
  writeFileSync(join(dataDir, 'vault.key'), randomBytes(32), { mode: 0o600 })

  const second = await startHost(dataDir)
  try {
    expect(second.child.exitCode).toBeNull()
    await expect.poll(() => second.output()).toMatch(/The saved keys in .* cannot be decrypted/)

    const history = await value<{ items: { id: string }[] }>(second, 'history.list', {})
    expect(history.items.map((item) => item.id)).toContain(before.conversationId)

    const { notices } = await value<{ notices: { code: string; detail?: string }[] }>(
      second,
      'app.notices',
      {},
    )
    const notice = notices.find((n) => n.code === 'vault.key_file_replaced')
    expect(notice?.detail).toMatch(/vault\.json\.unreadable-/)
    expect(readFileSync(notice?.detail ?? '').equals(oldVault)).toBe(true)
    expect(readdirSync(dataDir).filter((name) => name.includes('.unreadable-'))).toHaveLength(1)

    type Listed = { connections: { id: string; secrets: Record<string, unknown> }[] }
    const listed = await value<Listed>(second, 'connections.list', {})
    expect(listed.connections.find((c) => c.id === id)?.secrets.apiKey).toEqual({
      set: false,
      last4: '',
      reenter: true,
    })

    const blocked = await chatUntilDone(second, id, 'Without the key')
    expect(blocked.run).toMatchObject({ status: 'error', errorKind: 'reenter' })
    expect(blocked.run?.errorMessage).toMatch(/must be entered again/)

    await value(second, 'connections.update', { id, fields: { apiKey: fake.apiKey } })
    const after = await chatUntilDone(second, id, 'After entering the key again')
    expect(after.run?.status).toBe('done')
    const status = await value<Record<string, unknown>>(second, 'vault.status', {})
    expect(status).not.toHaveProperty('reentry')
  } finally {
    await stopChild(second.child)
  }
  expect(second.child.exitCode === 1).toBe(false)
  expect(
    readFileSync(
      join(dataDir, readdirSync(dataDir).find((n) => n.includes('.unreadable-')) ?? ''),
    ).equals(oldVault),
  ).toBe(true)
})
