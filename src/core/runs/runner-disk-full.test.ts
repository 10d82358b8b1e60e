import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FakeServer } from '../../../test/fakes/fake-script'
import { OPENAI_FAKE_DEFAULTS, startOpenAIFake } from '../../../test/fakes/openai/openai-fake'
import { createDispatcher, type Dispatch } from '../../shared/dispatch'
import type { RunDonePayload } from '../../shared/run-schemas'
import { openCore, type Core } from '../create-core'
import { APP_DATABASE_FILE } from '../database/index'
import { okValue } from '../../../test/support/test-core'

let dir: string
let fake: FakeServer
let core: Core
/** The core's own database connection: the limit below applies to it alone. */
let live: DatabaseSync
let call: Dispatch<void>
let done: RunDonePayload[]
let connectionId: string

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-disk-full-'))
  fake = await startOpenAIFake()
  done = []
  core = await openCore({
    version: '0.0.0',
    host: 'web',
    dataDir: dir,
    emit: (event, payload) => {
      if (event === 'run.done') done.push(payload as RunDonePayload)
    },
    vaultKey: { keyFile: join(dir, 'vault.key') },
    configureDatabase: (db) => (live = db),
  })
  call = createDispatcher(core.handlers)
  connectionId = okValue<{ id: string }>(
    await call('connections.create', {
      provider: 'openai',
      label: 'fake',
      fields: { apiKey: OPENAI_FAKE_DEFAULTS.openaiKey, baseURL: `${fake.url}/v1` },
    }),
  ).id
})
afterEach(async () => {
  await core.close()
  await fake.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Caps the live database at its current size: the next write that needs a page gets SQLITE_FULL. */
function fillTheDisk(): void {
  const { page_count } = live.prepare('PRAGMA page_count').get() as {
    page_count: number
  }
  live.exec(`PRAGMA max_page_count = ${page_count}`)
}

const longAnswer = { text: Array.from({ length: 24 }, (_, i) => `${i}:${'x'.repeat(8000)} `) }

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 15_000
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** The run's row as a fresh connection sees it once the limit is gone (a new process would). */
function storedStatus(runId: string): string {
  const db = new DatabaseSync(join(dir, APP_DATABASE_FILE), { readOnly: true })
  try {
    return String(
      (db.prepare('SELECT status FROM runs WHERE id = ?').get(runId) as { status: string }).status,
    )
  } finally {
    db.close()
  }
}

/** The run's row in the usage ledger, as a fresh connection sees it. */
function ledgerRow(runId: string): Record<string, unknown> | undefined {
  const db = new DatabaseSync(join(dir, APP_DATABASE_FILE), { readOnly: true })
  try {
    return db
      .prepare('SELECT status, tokens_in, tokens_out FROM usage_ledger WHERE run_id = ?')
      .get(runId)
  } finally {
    db.close()
  }
}

describe('a full disk during a run (real SQLITE_FULL)', () => {
  it('ends the run as error with disk_full in the event and the database, never done', async () => {
    fake.enqueue({ ...longAnswer, delayMs: 30 })
    const started = okValue<{ runId: string }>(
      await call('runs.startChat', { connectionId, model: 'gpt-5.4-mini', prompt: 'long please' }),
    )
    fillTheDisk()
    await until(() => done.length === 1)

    const [end] = done
    expect(end?.status).toBe('error')
    expect(end?.error?.kind).toBe('disk_full')
    expect(end?.error?.message).toMatch(/^The disk is full: the answer could not be saved/)
    live.exec('PRAGMA max_page_count = 1073741823')
    expect(storedStatus(started.runId)).not.toBe('done')
    expect(storedStatus(started.runId)).toBe('error') // the small failRun write still fits
    // The request was sent and answered: what it spent is in the usage ledger all the same.
    expect(end?.usage.tokensOut).toBeGreaterThan(0)
    expect(ledgerRow(started.runId)).toEqual({
      status: 'error',
      tokens_in: end?.usage.tokensIn,
      tokens_out: end?.usage.tokensOut,
    })
  })

  it('says error for every run of a comparison that could not be saved', async () => {
    fake.enqueue({ ...longAnswer, delayMs: 30, times: 2 })
    const started = okValue<{ runIds: string[] }>(
      await call('compare.start', {
        prompt: 'compare long answers',
        targets: [
          { connectionId, model: 'gpt-5.4-mini' },
          { connectionId, model: 'gpt-5.4' },
        ],
      }),
    )
    fillTheDisk()
    await until(() => done.length === 2)

    expect(done.map((d) => d.status)).toEqual(['error', 'error'])
    expect(done.every((d) => d.error?.kind === 'disk_full')).toBe(true)
    live.exec('PRAGMA max_page_count = 1073741823')
    for (const runId of started.runIds) expect(storedStatus(runId)).toBe('error')
  })

  it('still ends done when the disk has room (the same run without the limit)', async () => {
    fake.enqueue({ ...longAnswer, delayMs: 5 })
    const started = okValue<{ runId: string }>(
      await call('runs.startChat', { connectionId, model: 'gpt-5.4-mini', prompt: 'long please' }),
    )
    await until(() => done.length === 1)
    expect(done[0]?.status).toBe('done')
    expect(storedStatus(started.runId)).toBe('done')
  })
})
