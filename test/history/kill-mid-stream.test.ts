import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { openHistoryStore } from '../../src/core/history/index'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-history-kill-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

it('keeps a run killed mid-stream (SIGKILL) as interrupted, with its text up to the last flush', async () => {
  const file = join(dir, 'history.db')
  const jiti = resolve('node_modules/jiti/lib/jiti-cli.mjs')
  const child = spawn(process.execPath, [jiti, resolve('test/history/stream-writer.ts'), file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let runId = ''
  let lastFlushed = -1
  const exited = new Promise<NodeJS.Signals | null>((done) =>
    child.on('exit', (_code, signal) => done(signal)),
  )
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.startsWith('run ')) runId = line.slice(4)
    if (line.startsWith('flushed ')) lastFlushed = Number(line.slice(8))
    if (lastFlushed >= 15) {
      child.kill('SIGKILL')
      break
    }
  }
  expect(await exited).toBe('SIGKILL')

  const store = openHistoryStore({ file })
  expect(store.interruptedAtOpen).toBe(1)
  const run = store.getRun(runId)
  expect(run.status).toBe('interrupted')
  const chunks = run.answer.match(/\[chunk (\d+)\]/g) ?? []
  // Every chunk the child reported flushed is there, in order (one more may have landed).
  expect(chunks.length).toBeGreaterThanOrEqual(lastFlushed + 1)
  expect(chunks.length).toBeLessThanOrEqual(lastFlushed + 2)
  expect(
    run.answer.startsWith(
      Array.from({ length: lastFlushed + 1 }, (_, i) => `[chunk ${i}]`).join(''),
    ),
  ).toBe(true)
  expect(store.search({ query: `chunk ${lastFlushed}`, match: 'phrase' }).hits[0]?.runId).toBe(
    runId,
  )
  store.close()
}, 30_000)
