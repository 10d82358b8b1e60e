import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startOpenAIFake, OPENAI_FAKE_DEFAULTS } from '../../../test/fakes/openai/openai-fake'
import type { FakeServer } from '../../../test/fakes/fake-script'
import { LLM_ERROR_KINDS, type Connection } from '@parallax/llm'
import { openHistoryStore, type OpenedHistoryStore } from '../history'
import type {
  RunDeltaPayload,
  RunDonePayload,
  RunEventMap,
  RunEventName,
} from '../../shared/run-schemas'
import {
  RunDonePayloadSchema,
  RunDeltaPayloadSchema,
  RunStartedPayloadSchema,
} from '../../shared/run-schemas'
import { createRunner } from './runner'
import type { RunnerOptions } from './runner-types'

interface Recorded {
  event: RunEventName
  payload: RunEventMap[RunEventName]
  at: number
}

let dir: string
let history: OpenedHistoryStore
let fake: FakeServer
let events: Recorded[]
let connections: Record<string, Connection>

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-runs-'))
  history = openHistoryStore({ file: join(dir, 'history.db') })
  fake = await startOpenAIFake()
  events = []
  connections = {
    openai: {
      provider: 'openai',
      apiKey: OPENAI_FAKE_DEFAULTS.openaiKey,
      baseURL: `${fake.url}/v1`,
    },
    local: {
      provider: 'openai-compatible',
      apiKey: OPENAI_FAKE_DEFAULTS.compatibleKey,
      baseURL: `${fake.url}/compat/v1`,
    },
    wrongKey: {
      provider: 'openai',
      apiKey: 'sk-proj-wrongwrongwrongwrong0123456789',
      baseURL: `${fake.url}/v1`,
    },
  }
})
afterEach(async () => {
  history.close()
  await fake.close()
  rmSync(dir, { recursive: true, force: true })
})

function runner(options: Partial<RunnerOptions> = {}) {
  return createRunner({
    history,
    resolveConnection: async (id) => {
      const connection = connections[id]
      if (!connection) throw new Error(`no connection ${id}`)
      return connection
    },
    emit: (event, payload) => events.push({ event, payload, at: performance.now() }),
    callOptions: { maxRetries: 0 },
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

describe('a chat turn', () => {
  it('creates the row before the first byte, streams, and ends done with usage', async () => {
    fake.enqueue({ text: ['Hel', 'lo', ' there'], delayMs: 300, usage: { input: 20, output: 3 } })
    const r = runner()
    const started = r.startChat({
      connectionId: 'openai',
      provider: 'openai',
      model: 'gpt-4.1-mini',
      parameters: { temperature: 0.2, max_tokens: 50 },
      systemPrompt: 'Be brief.',
      prompt: 'Say hello',
    })
    // Returned at once; the row is there (streaming, empty) before anything was sent.
    expect(history.getRun(started.runId)).toMatchObject({ status: 'streaming', answer: '' })
    await until(() => fake.requests.length === 1 || r.liveRunIds().length === 0)
    // The fake holds its first chunk for 300 ms: read the real file from a second connection.
    const reader = new DatabaseSync(history.file, { readOnly: true })
    expect(
      reader.prepare('SELECT status, answer FROM runs WHERE id = ?').get(started.runId),
    ).toEqual({
      status: 'streaming',
      answer: '',
    })
    reader.close()
    expect(fake.requests[0]?.json).toMatchObject({
      model: 'gpt-4.1-mini',
      temperature: 0.2,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Say hello' },
      ],
    })

    const done = await r.settled(started.runId)
    expect(RunDonePayloadSchema.parse(done)).toEqual(done)
    expect(done).toMatchObject({
      status: 'done',
      finishReason: 'stop',
      error: null,
      usage: { tokensIn: 20, tokensOut: 3, estimated: false },
      cost: { estimated: false, priceUnknown: false },
    })
    const run = history.getRun(started.runId)
    expect(run).toMatchObject({
      status: 'done',
      answer: 'Hello there',
      systemPrompt: 'Be brief.',
      parameters: { temperature: 0.2, max_tokens: 50 },
      usage: { tokensIn: 20, tokensOut: 3 },
    })
    expect(run.ttftMs).toBeGreaterThanOrEqual(250)
    const { conversation, messages } = history.getConversation(started.conversationId)
    expect(conversation).toMatchObject({ mode: 'chat', title: 'Say hello' })
    expect(messages.map((m) => m.content)).toEqual(['Say hello'])

    const names = events.map((e) => e.event)
    expect(names[0]).toBe('run.started')
    expect(names.at(-1)).toBe('run.done')
    RunStartedPayloadSchema.parse(events[0]?.payload)
    const deltas = of('run.delta', started.runId)
    deltas.forEach((d) => RunDeltaPayloadSchema.parse(d))
    expect(deltas.map((d) => d.answer).join('')).toBe('Hello there')
    expect(deltas.map((d) => d.seq)).toEqual(deltas.map((_, i) => i + 1))
    expect(r.liveRunIds()).toEqual([])
    expect(JSON.parse(JSON.stringify(events))).toEqual(events)
  })

  it('continues a chat with the earlier answer and keeps the system prompt', async () => {
    fake.enqueue({ text: ['Paris.'], usage: { input: 10, output: 2 } })
    const r = runner()
    const first = r.startChat({
      connectionId: 'openai',
      provider: 'openai',
      model: 'gpt-5.4-mini',
      systemPrompt: 'Answer in one word.',
      prompt: 'Capital of France?',
    })
    await r.settled(first.runId)
    fake.enqueue({ text: ['Berlin.'], usage: { input: 20, output: 2 } })
    const second = r.startChat({
      conversationId: first.conversationId,
      connectionId: 'openai',
      provider: 'openai',
      model: 'gpt-5.4-mini',
      prompt: 'And of Germany?',
    })
    await r.settled(second.runId)
    expect((fake.requests[1]?.json as { messages: unknown }).messages).toEqual([
      { role: 'system', content: 'Answer in one word.' },
      { role: 'user', content: 'Capital of France?' },
      { role: 'assistant', content: 'Paris.' },
      { role: 'user', content: 'And of Germany?' },
    ])
    expect(history.getMessage(second.messageId)).toMatchObject({
      parentId: first.messageId,
      parentRunId: first.runId,
    })
  })

  it('flushes to the database at most every flushIntervalMs and loses at most one interval', async () => {
    const interval = 200
    const appends: number[] = []
    const spied: OpenedHistoryStore = {
      ...history,
      appendRunText: (id, delta) => {
        appends.push(performance.now())
        return history.appendRunText(id, delta)
      },
    }
    fake.enqueue({ text: Array.from({ length: 30 }, (_, i) => `w${i} `), delayMs: 40 })
    const r = runner({ history: spied, flushIntervalMs: interval })
    const { runId } = r.startChat({
      connectionId: 'openai',
      provider: 'openai',
      model: 'gpt-5.4-mini',
      prompt: 'count',
    })
    // Sample what is on disk while streaming; compare with what had been streamed by then.
    const samples: { at: number; stored: number }[] = []
    while (r.liveRunIds().length) {
      samples.push({ at: performance.now(), stored: history.getRun(runId).answer.length })
      await sleep(20)
    }
    const done = await r.settled(runId)
    expect(done?.status ?? history.getRun(runId).status).toBe('done')
    const gaps = appends.slice(1).map((t, i) => t - (appends[i] as number))
    expect(appends.length).toBeGreaterThanOrEqual(4) // ~1.2 s of stream
    expect(appends.length).toBeLessThanOrEqual(9)
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(interval - 2)
    const deltas = events.filter((e) => e.event === 'run.delta')
    let checked = 0
    for (const sample of samples) {
      const streamedLongAgo = deltas
        .filter((e) => e.at <= sample.at - interval - 60)
        .reduce((n, e) => n + (e.payload as RunDeltaPayload).answer.length, 0)
      expect(sample.stored).toBeGreaterThanOrEqual(streamedLongAgo)
      if (streamedLongAgo > 0) checked++
    }
    expect(checked).toBeGreaterThan(5)
    expect(history.getRun(runId).answer).toBe(
      Array.from({ length: 30 }, (_, i) => `w${i} `).join(''),
    )
  })

  it('keeps the partial text when stopped', async () => {
    fake.enqueue({ text: ['one ', 'two ', 'three'], stallAfterEvents: 2 })
    const r = runner()
    const { runId } = r.startChat({
      connectionId: 'openai',
      provider: 'openai',
      model: 'gpt-5.4-mini',
      prompt: 'stall',
    })
    await until(
      () =>
        of('run.delta', runId)
          .map((d) => d.answer)
          .join('') === 'one two ',
    )
    expect(await r.stop(runId)).toBe(true)
    expect(await r.stop(runId)).toBe(false)
    expect(history.getRun(runId)).toMatchObject({
      status: 'stopped',
      answer: 'one two ',
      errorKind: null,
      costEstimated: true,
    })
    const done = of('run.done', runId)
    expect(done).toHaveLength(1)
    expect(done[0]).toMatchObject({
      status: 'stopped',
      error: null,
      usage: { estimated: true, tokensOut: 2 },
      cost: { estimated: true, priceUnknown: false },
    })
    expect(done[0]?.cost.usd).toBeGreaterThan(0)
  })

  it('keeps the partial text and the error kind when the stream fails', async () => {
    fake.enqueue({ text: ['half ', 'an ', 'answer'], errorEventAfterEvents: 2 })
    const r = runner()
    const { runId } = r.startChat({
      connectionId: 'openai',
      provider: 'openai',
      model: 'gpt-5.4-mini',
      prompt: 'fail',
    })
    const done = await r.settled(runId)
    // The library reports OpenAI's in-stream error event with its own kind; the message is kept.
    expect(done?.error?.message).toMatch(/server had an error/)
    expect(done?.status).toBe('error')
    expect(LLM_ERROR_KINDS).toContain(done?.error?.kind)
    expect(history.getRun(runId)).toMatchObject({
      status: 'error',
      answer: 'half an ',
      errorKind: done?.error?.kind,
      errorMessage: done?.error?.message,
    })
  })

  it('records auth failures and unknown connections as errors with no cost', async () => {
    const r = runner()
    const bad = r.startChat({
      connectionId: 'wrongKey',
      provider: 'openai',
      model: 'gpt-5.4-mini',
      prompt: 'hi',
    })
    const missing = r.startChat({
      connectionId: 'nope',
      provider: 'openai',
      model: 'gpt-5.4-mini',
      prompt: 'hi',
    })
    const mismatch = r.startChat({
      connectionId: 'local',
      provider: 'openai',
      model: 'gpt-5.4-mini',
      prompt: 'hi',
    })
    const [a, b, c] = await Promise.all([bad, missing, mismatch].map((s) => r.settled(s.runId)))
    expect(a).toMatchObject({ status: 'error', error: { kind: 'auth' }, cost: { usd: null } })
    // What to do, as the library's hint code for the screen to word (run.done only).
    expect(a?.error).toMatchObject({
      hintCode: 'check_api_key',
      hintDetails: { provider: 'OpenAI' },
    })
    expect(b?.error).not.toHaveProperty('hintCode')
    expect(a?.usage).toMatchObject({ tokensIn: null, tokensOut: null })
    expect(b).toMatchObject({ status: 'error', error: { kind: 'connection' } })
    expect(b?.error?.message).toMatch(/no connection nope/)
    expect(c?.error?.message).toMatch(/openai-compatible connection, not openai/)
    expect(history.getRun(bad.runId)).toMatchObject({ status: 'error', errorKind: 'auth' })
    expect(JSON.stringify(history.getRun(bad.runId))).not.toContain('wrongwrong')
  })

  it('a refused parameter ends the run with the reason as a code the screen words', async () => {
    const r = runner()
    const before = fake.requests.length
    const start = r.startChat({
      connectionId: 'openai',
      provider: 'openai',
      model: 'o3',
      prompt: 'hi',
      parameters: { temperature: 0.2 },
    })
    const done = await r.settled(start.runId)
    expect(done).toMatchObject({
      status: 'error',
      error: {
        kind: 'unsupported_parameter',
        reasonCode: 'reasoning_model_rejects',
        reasonDetails: { parameter: 'temperature', model: 'o3' },
      },
    })
    expect(fake.requests.length).toBe(before) // nothing was sent
    expect(history.getRun(start.runId)).toMatchObject({
      status: 'error',
      errorKind: 'unsupported_parameter',
    })
  })

  it('sends images with the prompt, keeps them in history and in later turns', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64')
    fake.enqueue({ text: ['a cat'] }, { text: ['still a cat'] })
    const r = runner()
    const first = r.startChat({
      connectionId: 'openai',
      provider: 'openai',
      model: 'gpt-5.4-mini',
      prompt: 'What is this?',
      images: [{ mediaType: 'image/png', data: png, name: 'cat.png' }],
    })
    await r.settled(first.runId)
    const sent = fake.requests.at(-1)?.json as { messages: { content: unknown }[] }
    expect(sent.messages.at(-1)?.content).toEqual([
      { type: 'text', text: 'What is this?' },
      { type: 'image_url', image_url: { url: `data:image/png;base64,${png}` } },
    ])
    expect(history.getMessage(first.messageId).attachments).toEqual([
      { kind: 'image', mediaType: 'image/png', name: 'cat.png', data: png },
    ])
    const next = r.startChat({
      conversationId: first.conversationId,
      connectionId: 'openai',
      provider: 'openai',
      model: 'gpt-5.4-mini',
      prompt: 'Sure?',
    })
    await r.settled(next.runId)
    const again = fake.requests.at(-1)?.json as { messages: { role: string; content: unknown }[] }
    expect(again.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user'])
    expect(JSON.stringify(again.messages[0]?.content)).toContain(png)
  })

  it('refuses images for a model without vision, naming it, before anything is saved', () => {
    const r = runner()
    const before = history.listConversations({ archived: 'all' }).items.length
    expect(() =>
      r.startChat({
        connectionId: 'local',
        provider: 'openai-compatible',
        model: 'llama3.3',
        prompt: 'What is this?',
        images: [{ mediaType: 'image/png', data: 'iVBORw0KGgo=' }],
      }),
    ).toThrow(/does not accept images/)
    expect(history.listConversations({ archived: 'all' }).items.length).toBe(before)
  })

  it('tells how long a rate-limited provider asked to wait', async () => {
    fake.enqueue({ error: 'rate_limit', retryAfterSeconds: 20 })
    const r = runner()
    const { runId } = r.startChat({
      connectionId: 'openai',
      provider: 'openai',
      model: 'gpt-5.4-mini',
      prompt: 'hi',
    })
    const done = await r.settled(runId)
    expect(done?.error).toMatchObject({ kind: 'rate_limit', retryAfterMs: 20_000 })
    expect(RunDonePayloadSchema.parse(done).error?.retryAfterMs).toBe(20_000)
  })

  it('coalesces a fast stream into at most one run.delta per ~16 ms', async () => {
    const pieces = Array.from({ length: 300 }, (_, i) => String.fromCharCode(97 + (i % 26)))
    fake.enqueue({ text: pieces, reasoning: ['think ', 'more'], delayMs: 1 })
    const r = runner()
    const { runId } = r.startChat({
      connectionId: 'local',
      provider: 'openai-compatible',
      model: 'qwen3',
      prompt: 'fast',
    })
    const first = performance.now()
    await r.settled(runId)
    const duration = performance.now() - first
    const deltas = events.filter((e) => e.event === 'run.delta')
    expect(deltas.length).toBeLessThan(pieces.length / 4)
    expect(deltas.length).toBeLessThanOrEqual(Math.ceil(duration / 16) + 2)
    // Batches are ≥ 16 ms apart by the runner's clock, except the last: the end of the stream
    // flushes at once. This side of emit adds scheduling noise under load, so check each gap
    // loosely and the mean strictly.
    const paced = deltas.slice(0, -1)
    for (let i = 1; i < paced.length; i++) {
      expect((paced[i] as Recorded).at - (paced[i - 1] as Recorded).at).toBeGreaterThanOrEqual(8)
    }
    const span = (paced.at(-1) as Recorded).at - (paced[0] as Recorded).at
    expect(span / (paced.length - 1)).toBeGreaterThanOrEqual(15.5)
    const payloads = deltas.map((d) => d.payload as RunDeltaPayload)
    expect(payloads.map((p) => p.answer).join('')).toBe(pieces.join(''))
    expect(payloads.map((p) => p.reasoning).join('')).toBe('think more')
    expect(history.getRun(runId).reasoning).toBe('think more')
  })

  it('computes metrics and cost for a priced model, with cached input at its own price', async () => {
    fake.enqueue({
      text: ['a', 'b', 'c', 'd', 'e'],
      delayMs: 30,
      usage: { input: 1000, output: 200, cachedInput: 400, reasoning: 50 },
    })
    const r = runner()
    const { runId } = r.startChat({
      connectionId: 'openai',
      provider: 'openai',
      model: 'gpt-5.4-mini', // $0.75 in, $0.075 cached, $4.50 out per million
      prompt: 'price me',
    })
    const done = (await r.settled(runId)) as RunDonePayload
    expect(done.usage).toEqual({
      tokensIn: 1000,
      tokensOut: 200,
      tokensReasoning: 50,
      tokensCached: 400,
      estimated: false,
    })
    expect(done.cost).toEqual({ usd: 0.00138, estimated: false, priceUnknown: false })
    const { ttftMs, totalMs, tokensPerSecond } = done.metrics
    expect(ttftMs).toBeGreaterThan(0)
    expect(totalMs).toBeGreaterThan(ttftMs as number)
    expect(tokensPerSecond).toBeCloseTo((200 * 1000) / (totalMs - (ttftMs as number)), 1)
    expect(done.metrics.tokensPerSecondEstimated).toBe(false)
    expect(history.getRun(runId)).toMatchObject({
      costUsd: 0.00138,
      costEstimated: false,
      ttftMs,
      totalMs,
      tokensPerSecond,
      usage: { tokensIn: 1000, tokensOut: 200, tokensReasoning: 50, tokensCached: 400 },
    })
  })

  it('marks cost unknown for an unpriced model and estimates missing usage', async () => {
    fake.enqueue({ text: ['abcd', 'efgh', '모델을'], delayMs: 10 }) // no usage chunk
    fake.enqueue({ text: ['priced'], usage: { input: 5, output: 1 } })
    const r = runner()
    const local = r.startChat({
      connectionId: 'local',
      provider: 'openai-compatible',
      model: 'llama3.3',
      prompt: 'twelve chars',
    })
    const localDone = (await r.settled(local.runId)) as RunDonePayload
    expect(localDone.usage).toMatchObject({ estimated: true, tokensOut: 2 + 3, tokensIn: 3 })
    expect(localDone.cost).toEqual({ usd: null, estimated: true, priceUnknown: true })
    expect(localDone.metrics.tokensPerSecondEstimated).toBe(true)
    expect(history.getRun(local.runId)).toMatchObject({ costUsd: null, costEstimated: true })
  })

  it('ends every live run as interrupted at shutdown, never stopped (interruptAll)', async () => {
    fake.enqueue({ text: ['x', 'y'], stallAfterEvents: 1, times: 3 })
    const r = runner()
    const ids = [1, 2, 3].map(
      (i) =>
        r.startChat({
          connectionId: 'openai',
          provider: 'openai',
          model: 'gpt-5.4-mini',
          prompt: `stall ${i}`,
        }).runId,
    )
    await until(() => ids.every((id) => of('run.delta', id).length > 0))
    expect(r.liveRunIds().sort()).toEqual([...ids].sort())
    expect(await r.interruptAll()).toBe(3)
    expect(r.liveRunIds()).toEqual([])
    for (const id of ids) expect(of('run.done', id)[0]).toMatchObject({ status: 'interrupted' })
    const file = history.file
    history.close()
    history = openHistoryStore({ file })
    // Saved by the shutdown itself, not left for the next open to find.
    expect(history.interruptedAtOpen).toBe(0)
    for (const id of ids)
      expect(history.getRun(id)).toMatchObject({ status: 'interrupted', answer: 'x' })
  })

  it('stops a run whose connection is still loading', async () => {
    let release: (c: Connection) => void = () => {}
    const r = runner({
      resolveConnection: () => new Promise<Connection>((resolve) => (release = resolve)),
    })
    const { runId } = r.startChat({
      connectionId: 'openai',
      provider: 'openai',
      model: 'gpt-5.4-mini',
      prompt: 'slow vault',
    })
    expect(await r.stop(runId)).toBe(true)
    release(connections.openai as Connection)
    expect(history.getRun(runId)).toMatchObject({ status: 'stopped', answer: '' })
    expect(fake.requests).toHaveLength(0)
  })

  it('rejects bad input before creating anything', () => {
    const r = runner()
    expect(() => r.startChat({ connectionId: 'openai', provider: 'openai', model: 'm' })).toThrow(
      /prompt or messages/,
    )
    expect(() =>
      r.startChat({
        connectionId: 'openai',
        provider: 'openai',
        model: 'm',
        messages: [{ role: 'system', content: 'x' }],
      }),
    ).toThrow(/user message/)
    expect(history.listConversations().items).toEqual([])
  })
})
