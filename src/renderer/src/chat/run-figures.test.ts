import { describe, expect, it } from 'vitest'
import type { EventName } from '../../../shared/contract'
import { createFakeClient } from '../test-support/fake-client'
import { savedRun } from '../test-support/history-records'
import { LiveRunStore } from '../runs/live-run-store'
import { shownTimes } from './shown-times'
import { runViewOf } from './use-run-view'

const SENT_AT = 10_000

const started = {
  runId: 'r1',
  conversationId: 'c1',
  messageId: 'm1',
  groupId: null,
  connectionId: 'conn_openai',
  provider: 'openai',
  model: 'gpt-4.1',
  startedAt: SENT_AT,
  status: 'streaming',
  ahead: 0,
}

const live = { tokensIn: 12, tokensOut: 40, tokensPerSecond: 80, costUsd: 0.00042 }

const delta = {
  runId: 'r1',
  conversationId: 'c1',
  seq: 1,
  answer: 'Hello there',
  reasoning: '',
  live,
}

const done = {
  ...started,
  status: 'done',
  finishReason: 'stop',
  error: null,
  usage: {
    tokensIn: 15,
    tokensOut: 38,
    tokensReasoning: null,
    tokensCached: null,
    estimated: false,
  },
  metrics: {
    ttftMs: 300,
    totalMs: 900,
    queueWaitMs: 0,
    retryWaitMs: 0,
    tokensPerSecond: 63.33,
    tokensPerSecondEstimated: false,
  },
  cost: { usd: 0.0004, estimated: false, priceUnknown: false },
  toolCalls: [],
  endedAt: SENT_AT + 900,
}

type Step = 'started' | 'delta' | 'flush' | 'done'

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]]
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  )
}

/** A store fed the steps in order, its clock `skewMs` off the host's; the view after each step. */
function viewsAfterEachStep(steps: readonly Step[], skewMs: number, rendererNow: number) {
  const client = createFakeClient()
  const emit = (event: EventName, payload: unknown) => client.emit(event, payload as never)
  const frames: (() => void)[] = []
  const store = new LiveRunStore(
    client,
    (flush) => frames.push(flush),
    () => rendererNow + skewMs,
    () => 0,
  )
  store.connect()
  const run = savedRun({ id: 'r1', status: 'streaming', createdAt: SENT_AT - 50 })
  return steps.map((step) => {
    if (step === 'started') emit('run.started', started)
    if (step === 'delta') emit('run.delta', delta)
    if (step === 'done') emit('run.done', done)
    if (step === 'flush') frames.splice(0).forEach((flush) => flush())
    return runViewOf(run, store.get('r1'))
  })
}

describe('shownTimes', () => {
  it('counts Total to now while live, and keeps the saved total once ended', () => {
    const times = { startedAt: 1000, ttftMs: 200, totalMs: 700 }
    expect(shownTimes({ ...times, live: true }, 1500)).toEqual({ ttftMs: 200, totalMs: 500 })
    expect(shownTimes({ ...times, live: false }, 99_999)).toEqual({ ttftMs: 200, totalMs: 700 })
    expect(shownTimes({ ...times, live: true, startedAt: null }, 1500).totalMs).toBeNull()
  })

  it('never shows Total below First token, for a clock behind the first text or a skewed host', () => {
    // The ticking clock last moved before the first text arrived.
    expect(shownTimes({ live: true, startedAt: 1000, ttftMs: 400, totalMs: null }, 1250)).toEqual({
      ttftMs: 400,
      totalMs: 400,
    })
    expect(
      shownTimes({ live: true, startedAt: 1000, ttftMs: 400, totalMs: null }, 900).totalMs,
    ).toBe(400)
    expect(shownTimes({ live: false, startedAt: 1000, ttftMs: 400, totalMs: 350 }, 0).totalMs).toBe(
      400,
    )
  })

  it('keeps First token ≤ Total for every order of run events, clock skew and moment of drawing', () => {
    let checked = 0
    for (const steps of permutations<Step>(['started', 'delta', 'flush', 'done'])) {
      for (const skewMs of [-250, 0, 250]) {
        for (const arrival of [SENT_AT - 100, SENT_AT + 5, SENT_AT + 300, SENT_AT + 5000]) {
          for (const view of viewsAfterEachStep(steps, skewMs, arrival)) {
            for (const now of [0, SENT_AT - 1, SENT_AT, SENT_AT + 100, SENT_AT + 300, arrival]) {
              const live = view.status === 'streaming'
              const shown = shownTimes({ ...view, live }, now)
              if (shown.ttftMs !== null && shown.totalMs !== null) {
                expect(
                  shown.totalMs,
                  `${steps.join(' → ')} skew ${skewMs} now ${now}`,
                ).toBeGreaterThanOrEqual(shown.ttftMs)
                checked++
              }
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100)
  })
})

describe('runViewOf: live figures', () => {
  it('shows the host’s running estimate while streaming, marked estimated, then the exact usage', () => {
    const [afterStart, afterDelta, afterFlush, afterDone] = viewsAfterEachStep(
      ['started', 'delta', 'flush', 'done'],
      0,
      SENT_AT + 300,
    )
    expect(afterStart).toMatchObject({ status: 'streaming', tokensOut: null, costUsd: null })
    // Text and its estimate show together, at the next frame.
    expect(afterDelta?.tokensOut).toBeNull()
    expect(afterFlush).toMatchObject({
      status: 'streaming',
      tokensIn: 12,
      tokensOut: 40,
      tokensEstimated: true,
      tokensPerSecond: 80,
      speedEstimated: true,
      costUsd: 0.00042,
      costEstimated: true,
    })
    expect(afterDone).toMatchObject({
      status: 'done',
      tokensIn: 15,
      tokensOut: 38,
      tokensEstimated: false,
      tokensPerSecond: 63.33,
      speedEstimated: false,
      costUsd: 0.0004,
      costEstimated: false,
    })
  })

  it('marks a saved row’s tokens estimated when its priced cost was estimated', () => {
    const row = savedRun({ id: 'r9', costUsd: 0.001, costEstimated: true, tokensPerSecond: 20 })
    expect(runViewOf(row, undefined)).toMatchObject({ tokensEstimated: true, speedEstimated: true })
    const exact = savedRun({ id: 'r9', costUsd: 0.001, costEstimated: false })
    expect(runViewOf(exact, undefined)).toMatchObject({ tokensEstimated: false })
  })
})
