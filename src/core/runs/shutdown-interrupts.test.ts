import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FakeServer } from '../../../test/fakes/fake-script'
import { OPENAI_FAKE_DEFAULTS, startOpenAIFake } from '../../../test/fakes/openai/openai-fake'
import { okValue, openTestCore } from '../../../test/support/test-core'
import { createDispatcher } from '../../shared/dispatch'
import type { RunDonePayload } from '../../shared/run-schemas'
import type { Core } from '../create-core'

let dir: string
let fake: FakeServer
let done: RunDonePayload[]
let streamed: string

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-shutdown-'))
  fake = await startOpenAIFake()
  done = []
  streamed = ''
})
afterEach(async () => {
  await fake.close()
  rmSync(dir, { recursive: true, force: true })
})

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** A core with one OpenAI connection to the fake, and a chat whose answer stalls mid-way. */
async function coreWithStalledAnswer(): Promise<{ core: Core; runId: string; id: string }> {
  const core = await openTestCore(dir, {
    emit: (event, payload) => {
      if (event === 'run.done') done.push(payload as RunDonePayload)
      if (event === 'run.delta') streamed += (payload as { answer: string }).answer
    },
  })
  const call = createDispatcher(core.handlers)
  const { id: connectionId } = okValue<{ id: string }>(
    await call('connections.create', {
      provider: 'openai',
      label: 'fake',
      fields: { apiKey: OPENAI_FAKE_DEFAULTS.openaiKey, baseURL: `${fake.url}/v1` },
    }),
  )
  // Two events, then silence with the connection open: no usage from the provider ever comes.
  fake.enqueue({ text: ['The first half, ', 'still going'], stallAfterEvents: 2 })
  const started = okValue<{ conversationId: string; runId: string }>(
    await call('runs.startChat', { connectionId, model: 'gpt-5.4-mini', prompt: 'Tell me' }),
  )
  await until(() => streamed === 'The first half, still going')
  return { core, runId: started.runId, id: started.conversationId }
}

describe('a run cut by a shutdown', () => {
  it('is saved interrupted (not stopped) with its first token time, estimated tokens and cost', async () => {
    const { core, runId } = await coreWithStalledAnswer()
    await core.close()

    expect(done).toHaveLength(1)
    expect(done[0]).toMatchObject({ runId, status: 'interrupted', error: null })

    const reopened = await openTestCore(dir)
    try {
      // The shutdown saved it: nothing was left open for this start to find.
      expect(reopened.history.interruptedAtOpen).toBe(0)
      const run = reopened.history.getRun(runId)
      expect(run.status).toBe('interrupted')
      expect(run.answer).toBe('The first half, still going')
      expect(run.ttftMs).toEqual(expect.any(Number))
      expect(run.totalMs).toBeGreaterThanOrEqual(run.ttftMs as number)
      // The provider's usage never came: the runner's estimate, marked as one.
      expect(run.usage.tokensIn).toBeGreaterThan(0)
      expect(run.usage.tokensOut).toBe(Math.ceil('The first half, still going'.length / 4))
      expect(run.costUsd).toBeGreaterThan(0)
      expect(run.costEstimated).toBe(true)
    } finally {
      await reopened.close()
    }
  })
})

describe('a run cut by a crash (kill -9)', () => {
  it('has what was measured on its row while it streams, for the next open to keep', async () => {
    const core = await openTestCore(dir, {
      emit: (event, payload) => {
        if (event === 'run.delta') streamed += (payload as { answer: string }).answer
      },
    })
    try {
      const call = createDispatcher(core.handlers)
      const { id: connectionId } = okValue<{ id: string }>(
        await call('connections.create', {
          provider: 'openai',
          label: 'fake',
          fields: { apiKey: OPENAI_FAKE_DEFAULTS.openaiKey, baseURL: `${fake.url}/v1` },
        }),
      )
      const words = Array.from({ length: 12 }, (_, i) => `word${i} `)
      fake.enqueue({ text: words, delayMs: 100, stallAfterEvents: 12 })
      const { runId } = okValue<{ runId: string }>(
        await call('runs.startChat', { connectionId, model: 'gpt-5.4-mini', prompt: 'Count' }),
      )
      await until(() => streamed === words.join(''))
      // The last text flush (at most every 500 ms) carried the figures so far.
      await until(() => core.history.getRun(runId).answer === words.join(''))
      const row = core.history.getRun(runId)
      expect(row.status).toBe('streaming')
      expect(row.ttftMs).toEqual(expect.any(Number))
      expect(row.totalMs).toBeGreaterThanOrEqual(row.ttftMs as number)
      expect(row.usage.tokensIn).toBeGreaterThan(0)
      expect(row.usage.tokensOut).toBeGreaterThan(0)
      expect(row.costUsd).toBeGreaterThan(0)
      expect(row.costEstimated).toBe(true)
    } finally {
      await core.close()
    }
  })
})
