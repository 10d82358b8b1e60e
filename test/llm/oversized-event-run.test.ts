import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { openHistoryStore, type OpenedHistoryStore } from '../../src/core/history'
import { createRunner } from '../../src/core/runs/runner'
import { startOpenAIFake, OPENAI_FAKE_DEFAULTS } from '../fakes/openai/openai-fake'
import type { FakeServer } from '../fakes/fake-script'

let dir: string
let history: OpenedHistoryStore
let fake: FakeServer

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-oversized-'))
  history = openHistoryStore({ file: join(dir, 'history.db') })
  fake = await startOpenAIFake()
})
afterEach(async () => {
  history.close()
  await fake.close()
  rmSync(dir, { recursive: true, force: true })
})

it('a run whose provider sends a 10 MB event ends in error with the answer before it saved', async () => {
  fake.enqueue({ text: ['half ', 'an ', 'x'.repeat(10 * 1024 * 1024), 'answer'] })
  const runner = createRunner({
    history,
    resolveConnection: async () => ({
      provider: 'openai',
      apiKey: OPENAI_FAKE_DEFAULTS.openaiKey,
      baseURL: `${fake.url}/v1`,
    }),
    emit: () => {},
    callOptions: { maxRetries: 0 },
  })
  const { runId } = runner.startChat({
    connectionId: 'openai',
    provider: 'openai',
    model: 'gpt-4.1-mini',
    prompt: 'a huge event, please',
  })
  const done = await runner.settled(runId)
  expect(done?.status).toBe('error')
  expect(done?.error?.message).toMatch(
    /single stream event of more than [\d.]+ MiB; the limit is 4 MiB/,
  )
  expect(history.getRun(runId)).toMatchObject({
    status: 'error',
    answer: 'half an ',
    errorMessage: done?.error?.message,
  })
})
