import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startCountingProxy, type CountingProxy } from '../../../test/fakes/counting-proxy'
import { DEFAULT_SCRIPT, type FakeServer } from '../../../test/fakes/fake-script'
import { OPENAI_FAKE_DEFAULTS, startOpenAIFake } from '../../../test/fakes/openai/openai-fake'
import type { Connection } from '@parallax/llm'
import { events as contractEvents } from '../../shared/contract'
import type { RunEventMap, RunEventName } from '../../shared/run-schemas'
import { openHistoryStore, type OpenedHistoryStore } from '../history'
import { createRunner } from './runner'
import type { RunnerOptions } from './runner-types'

let dir: string
let history: OpenedHistoryStore
let fake: FakeServer
let proxy: CountingProxy
let events: { event: RunEventName; payload: RunEventMap[RunEventName] }[]
let connection: Connection

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-queue-'))
  history = openHistoryStore({ file: join(dir, 'history.db') })
  fake = await startOpenAIFake()
  proxy = await startCountingProxy(fake.url)
  events = []
  connection = {
    provider: 'openai-compatible',
    apiKey: OPENAI_FAKE_DEFAULTS.compatibleKey,
    baseURL: `${proxy.url}/compat/v1`,
  }
})
afterEach(async () => {
  history.close()
  await proxy.close()
  await fake.close()
  rmSync(dir, { recursive: true, force: true })
})

function runner(options: Partial<RunnerOptions> = {}) {
  return createRunner({
    history,
    resolveConnection: async () => connection,
    // Every payload must pass the contract's own schema, as the hosts check it.
    emit: (event, payload) => {
      contractEvents[event].payload.parse(payload)
      events.push({ event, payload })
    },
    callOptions: { maxRetries: 2 },
    ...options,
  })
}

const of = <E extends RunEventName>(event: E, runId?: string) =>
  events
    .filter((e) => e.event === event)
    .map((e) => e.payload as RunEventMap[E])
    .filter((p) => runId === undefined || p.runId === runId)

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await sleep(5)
  }
}

const chat = (r: ReturnType<typeof runner>, prompt = 'Hi') =>
  r.startChat({ connectionId: 'c1', provider: 'openai-compatible', model: 'm', prompt })

describe('the per-connection limit on requests in flight', () => {
  it('runs 120 runs started at once with never more than the limit at the server; all finish done', async () => {
    fake.enqueue({ ...DEFAULT_SCRIPT, delayMs: 8, times: 120 })
    const r = runner({ maxInFlightOf: () => 8 })
    const all = Array.from({ length: 120 }, () => chat(r).runId)
    expect(new Set(all).size).toBe(120)

    const started = of('run.started')
    expect(started.filter((s) => s.status === 'streaming')).toHaveLength(8)
    const queued = started.filter((s) => s.status === 'queued')
    expect(queued).toHaveLength(112)
    // Places in line are given in order: the 9th run has 0 ahead, the last 111.
    expect(queued.map((s) => s.ahead)).toEqual(Array.from({ length: 112 }, (_, i) => i))

    const done = await Promise.all(all.map((id) => r.settled(id)))
    expect(done.map((d) => d?.status)).toEqual(Array(120).fill('done'))
    expect(proxy.total).toBe(120)
    expect(proxy.maxInFlight).toBeLessThanOrEqual(8)
    expect(proxy.maxInFlight).toBeGreaterThanOrEqual(2)
    // Every queued run was told when it was sent, and its queue wait is kept apart from its latency.
    const last = all[119] as string
    expect(of('run.queued', last).at(-1)).toMatchObject({ status: 'streaming', ahead: 0 })
    const lastDone = done[119]
    expect(lastDone?.metrics.queueWaitMs).toBeGreaterThan(0)
    expect(lastDone?.metrics.totalMs).toBeLessThan(lastDone?.metrics.queueWaitMs as number)
    expect(history.getRun(last)).toMatchObject({ status: 'done', answer: 'Hello from the fake.' })
  })

  it('stops a queued run without it ever reaching the provider', async () => {
    fake.enqueue({ ...DEFAULT_SCRIPT, stallAfterEvents: 1 })
    const r = runner({ maxInFlightOf: () => 1 })
    const a = chat(r)
    const b = r.startChat({
      conversationId: a.conversationId,
      connectionId: 'c1',
      provider: 'openai-compatible',
      model: 'm',
      prompt: 'Second',
    })
    expect(of('run.started', b.runId)[0]).toMatchObject({ status: 'queued', ahead: 0 })
    await until(() => proxy.total === 1)
    expect(await r.stop(b.runId)).toBe(true)
    const doneB = await r.settled(b.runId)
    expect(of('run.done', b.runId)[0]).toMatchObject({ status: 'stopped' })
    expect(doneB).toBeUndefined() // already ended
    expect(history.getRun(b.runId).status).toBe('stopped')
    await r.stop(a.runId)
    expect(proxy.total).toBe(1)
  })

  it('moves the line up when a queued run leaves it', async () => {
    fake.enqueue({ ...DEFAULT_SCRIPT, stallAfterEvents: 1, times: 3 })
    const r = runner({ maxInFlightOf: () => 1 })
    const a = chat(r)
    const more = [1, 2].map(
      () =>
        r.startChat({
          conversationId: a.conversationId,
          connectionId: 'c1',
          provider: 'openai-compatible',
          model: 'm',
          prompt: 'Next',
        }).runId,
    )
    const [b, c] = more as [string, string]
    expect(of('run.started', c)[0]).toMatchObject({ status: 'queued', ahead: 1 })
    await until(() => proxy.total === 1)
    await r.stop(b)
    expect(of('run.queued', c).at(-1)).toMatchObject({ status: 'queued', ahead: 0 })
    await r.stop(a.runId)
    await until(() => proxy.total === 2)
    expect(of('run.queued', c).at(-1)).toMatchObject({ status: 'streaming', ahead: 0 })
    await r.interruptAll()
  })
})

describe('the stored status of a queued run', () => {
  it('is saved queued while it waits, streaming once sent, then done with its queue wait', async () => {
    fake.enqueue({ ...DEFAULT_SCRIPT, delayMs: 60 }, { ...DEFAULT_SCRIPT, delayMs: 150 })
    const r = runner({ maxInFlightOf: () => 1 })
    const a = chat(r)
    const b = r.startChat({
      conversationId: a.conversationId,
      connectionId: 'c1',
      provider: 'openai-compatible',
      model: 'm',
      prompt: 'Second',
    })
    expect(history.getRun(a.runId).status).toBe('streaming')
    expect(history.getRun(b.runId).status).toBe('queued')
    // A page that reads the conversation now sees it queued too.
    expect(history.getConversation(b.conversationId).runs.map((run) => run.status)).toEqual([
      'streaming',
      'queued',
    ])

    await until(() => proxy.total === 2)
    expect(history.getRun(a.runId).status).toBe('done')
    expect(history.getRun(b.runId).status).toBe('streaming')

    const done = await r.settled(b.runId)
    expect(done?.status).toBe('done')
    const saved = history.getRun(b.runId)
    expect(saved.status).toBe('done')
    expect(saved.queueWaitMs).toBe(done?.metrics.queueWaitMs)
    expect(saved.queueWaitMs).toBeGreaterThan(0)
    expect(saved.retryWaitMs).toBe(0)
    // The first run never waited in line (only the few ms between its row and its send).
    expect(history.getRun(a.runId).queueWaitMs).toBeLessThan(saved.queueWaitMs as number)
  })

  it('saves the retry wait with the run', async () => {
    fake.enqueue({ error: 'rate_limit', retryAfterSeconds: 1 }, DEFAULT_SCRIPT)
    const r = runner()
    const { runId } = chat(r)
    const done = await r.settled(runId)
    expect(done?.status).toBe('done')
    const saved = history.getRun(runId)
    expect(saved.retryWaitMs).toBe(done?.metrics.retryWaitMs)
    expect(saved.retryWaitMs).toBeGreaterThanOrEqual(900)
  })
})

describe('visible waits before a retry', () => {
  it('emits run.waiting for a 429 with Retry-After: 5, and runs.retryNow sends the retry at once', async () => {
    fake.enqueue({ error: 'rate_limit', retryAfterSeconds: 5 }, DEFAULT_SCRIPT)
    const r = runner()
    const before = Date.now()
    const { runId } = chat(r)
    await until(() => of('run.waiting', runId).length === 1)
    const waiting = of('run.waiting', runId)[0]
    expect(waiting).toMatchObject({ reason: 'rate_limited', attempt: 1 })
    expect(waiting?.retryAt).toBeGreaterThanOrEqual(before + 5000)
    expect(waiting?.retryAt).toBeLessThan(Date.now() + 5000 + 50)

    const asked = Date.now()
    expect(r.retryNow(runId)).toBe(true)
    const done = await r.settled(runId)
    expect(Date.now() - asked).toBeLessThan(2000) // well before the 5 s were up
    expect(proxy.total).toBe(2)
    expect(done).toMatchObject({ status: 'done' })
    // The 429 and the wait are retry wait; the model's latency counts from the retry's send.
    expect(done?.metrics.retryWaitMs).toBeGreaterThan(0)
    expect(done?.metrics.retryWaitMs).toBeLessThan(2000)
    expect(done?.metrics.totalMs).toBeLessThan(2000)
    expect(r.retryNow(runId)).toBe(false) // no longer live
  })

  it('stops a run during its wait without sending the retry', async () => {
    fake.enqueue({ error: 'rate_limit', retryAfterSeconds: 5 }, DEFAULT_SCRIPT)
    const r = runner()
    const { runId } = chat(r)
    await until(() => of('run.waiting', runId).length === 1)
    await r.stop(runId)
    expect(of('run.done', runId)[0]).toMatchObject({ status: 'stopped' })
    await sleep(50)
    expect(proxy.total).toBe(1)
  })

  it('does not wait when the provider asks for longer than the cap: the error carries retryAfterMs', async () => {
    fake.enqueue({ error: 'rate_limit', retryAfterSeconds: 3600 })
    const r = runner()
    const { runId } = chat(r)
    const done = await r.settled(runId)
    expect(of('run.waiting', runId)).toEqual([])
    expect(done).toMatchObject({
      status: 'error',
      error: { kind: 'rate_limit', retryAfterMs: 3_600_000 },
    })
    expect(proxy.total).toBe(1)
  })
})
