import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EventPayload } from '../../../shared/contract'
import { LiveRunStore } from '../runs/live-run-store'
import { onEventsMissed } from './events-missed'
import { createWebClient } from './web-client'

/* A reconnect that the host could not replay in full (`replay_gap`) makes the page re-read. */

/** The parts of EventSource the web client uses, driven by hand. */
class StreamStandIn extends EventTarget {
  static made: StreamStandIn[] = []
  readonly CONNECTING = 0
  readonly OPEN = 1
  readonly CLOSED = 2
  readyState = 1
  constructor(readonly url: string) {
    super()
    StreamStandIn.made.push(this)
  }
  send(event: string, payload: unknown): void {
    this.dispatchEvent(new MessageEvent(event, { data: JSON.stringify(payload) }))
  }
}

/** What history.get answers now, per conversation (missing: not_found). */
let saved: Record<string, { id: string; status: string }[]>
let asked: string[]

beforeEach(() => {
  StreamStandIn.made = []
  saved = {}
  asked = []
  vi.stubGlobal('EventSource', StreamStandIn)
  vi.stubGlobal('fetch', async (url: string, init: { body: string }) => {
    expect(url).toBe('http://host/api/rpc/history.get')
    const { id } = JSON.parse(init.body) as { id: string }
    asked.push(id)
    const runs = saved[id]
    const body = runs
      ? { ok: true, value: { conversation: { id }, messages: [], runs } }
      : { ok: false, error: { kind: 'not_found', message: 'No such conversation.' } }
    return new Response(JSON.stringify(body), { status: runs ? 200 : 404 })
  })
})
afterEach(() => vi.unstubAllGlobals())

const started = (runId: string, conversationId: string): EventPayload<'run.started'> => ({
  runId,
  conversationId,
  messageId: 'p1',
  groupId: null,
  connectionId: 'conn',
  provider: 'openai',
  model: 'gpt-4.1',
  startedAt: 1000,
  status: 'streaming',
  ahead: 0,
})

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5))
  expect(check()).toBe(true)
}

describe('a replay_gap from the web host', () => {
  it('tells the listeners of that client, and nobody is told without one', () => {
    const client = createWebClient('http://host')
    const other = createWebClient('http://host')
    const missed = vi.fn()
    const otherMissed = vi.fn()
    onEventsMissed(client, missed)
    onEventsMissed(other, otherMissed)
    client.on('run.done', () => {})
    const stream = StreamStandIn.made[0] as StreamStandIn
    stream.send('run.started', started('r1', 'c1'))
    expect(missed).not.toHaveBeenCalled()
    stream.send('replay_gap', { from: 3, to: 9 })
    expect(missed).toHaveBeenCalledTimes(1)
    expect(otherMissed).not.toHaveBeenCalled()
  })

  it('re-checks the runs the page takes to be live: ended or gone ones drop, streaming ones defer to history', async () => {
    const client = createWebClient('http://host')
    const store = new LiveRunStore(client, () => 0)
    store.connect()
    const stream = StreamStandIn.made[0] as StreamStandIn
    stream.send('run.started', started('ended', 'c1'))
    stream.send('run.started', started('still', 'c1'))
    stream.send('run.started', started('deleted', 'c2'))
    stream.send('run.queued', {
      runId: 'waiting',
      conversationId: 'c1',
      status: 'queued',
      ahead: 1,
    })
    const told: string[] = []
    store.subscribe('ended', () => told.push('ended'))
    expect(store.openRuns().map((run) => run.runId)).toEqual([
      'ended',
      'still',
      'deleted',
      'waiting',
    ])

    // While the page was away: `ended` finished (its run.done is among the lost events), c2 was
    // deleted, `waiting` still waits.
    saved = {
      c1: [
        { id: 'ended', status: 'done' },
        { id: 'still', status: 'streaming' },
        { id: 'waiting', status: 'queued' },
      ],
    }
    stream.send('replay_gap', { from: 3, to: 9 })
    await until(() => store.get('deleted') === undefined && store.get('ended') === undefined)
    expect(asked.sort()).toEqual(['c1', 'c2']) // one read per conversation
    expect(told).toEqual(['ended']) // its card re-renders from the saved row
    expect(store.get('still')).toMatchObject({ complete: false, done: null })
    expect(store.get('waiting')).toMatchObject({ queuedAhead: 1, done: null })
  })
})
