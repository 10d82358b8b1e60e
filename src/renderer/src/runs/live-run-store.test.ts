import { describe, expect, it } from 'vitest'
import type { EventName } from '../../../shared/contract'
import { createFakeClient } from '../test-support/fake-client'
import {
  LiveRunStore,
  MAX_RENDER_WAIT_MS,
  MIN_FLUSH_INTERVAL_MS,
  type LiveRun,
} from './live-run-store'

function fakeClient() {
  const client = createFakeClient()
  // Partial payloads: the store reads only the fields these tests set.
  const emit = (event: EventName, payload: unknown) => client.emit(event, payload as never)
  return { client, emit }
}

/** A connected store whose frames run when the test says and whose clock the test moves. */
function clockedStore() {
  const { client, emit } = fakeClient()
  const frames: (() => void)[] = []
  const clock = { ms: 1000 }
  const store = new LiveRunStore(
    client,
    (flush) => frames.push(flush),
    () => 1,
    () => clock.ms,
  )
  store.connect()
  return { emit, frames, store, clock }
}

/** What a card does once it has committed the run's latest state. */
function renderedLatest(store: LiveRunStore, runId: string): void {
  const run = store.get(runId)
  if (!run) throw new Error(`no run ${runId}`)
  store.rendered(runId, run)
}

const started = { runId: 'r1', conversationId: 'c1', messageId: 'm1', startedAt: 1000 }

describe('LiveRunStore', () => {
  it('applies any number of deltas once per frame, in order', () => {
    const { client, emit } = fakeClient()
    const frames: (() => void)[] = []
    const store = new LiveRunStore(
      client,
      (flush) => frames.push(flush),
      () => 1234,
    )
    store.connect()
    let notified = 0
    store.subscribe('r1', () => notified++)
    emit('run.started', started)
    expect(notified).toBe(1)
    for (const piece of ['a', 'b', 'c']) {
      emit('run.delta', { runId: 'r1', conversationId: 'c1', seq: 1, answer: piece, reasoning: '' })
    }
    emit('run.delta', { runId: 'r1', conversationId: 'c1', seq: 4, answer: '', reasoning: 'hm' })
    expect(frames).toHaveLength(1)
    expect(store.get('r1')?.answer).toBe('')
    frames[0]?.()
    expect(notified).toBe(2)
    expect(store.get('r1')).toMatchObject({ answer: 'abc', reasoning: 'hm', firstTextAt: 1234 })
    expect(store.get('r1')?.complete).toBe(true)
  })

  it('flushes queued text before the end, and marks runs it did not see start', () => {
    const { client, emit } = fakeClient()
    const store = new LiveRunStore(client, () => 1)
    store.connect()
    emit('run.delta', { runId: 'r2', conversationId: 'c1', seq: 7, answer: 'tail', reasoning: '' })
    emit('run.done', { runId: 'r2', conversationId: 'c1', messageId: 'm9', status: 'done' })
    expect(store.get('r2')).toMatchObject({ answer: 'tail', complete: false, messageId: 'm9' })
    expect(store.get('r2')?.done).toMatchObject({ status: 'done' })
  })

  it('stops listening when disconnected', () => {
    const { client, emit } = fakeClient()
    const store = new LiveRunStore(client, () => 1)
    const stop = store.connect()
    stop()
    expect(client.listening()).toBe(0)
    emit('run.started', started)
    expect(store.get('r1')).toBeUndefined()
  })

  it('shows more text only once the screen has rendered the last showing', () => {
    const { emit, frames, store, clock } = clockedStore()
    const ids = ['a', 'b']
    const told: [string, boolean][] = []
    for (const id of ids) store.subscribe(id, (urgent) => told.push([id, urgent]))
    for (const id of ids) emit('run.started', { ...started, runId: id })
    expect(told).toEqual([
      ['a', true],
      ['b', true],
    ])
    const send = (text: string) => {
      for (const id of ids)
        emit('run.delta', { runId: id, conversationId: 'c1', seq: 1, answer: text, reasoning: '' })
    }
    const nextFrame = () => {
      clock.ms += MIN_FLUSH_INTERVAL_MS
      frames.shift()?.()
    }
    send('x')
    nextFrame()
    expect(ids.map((id) => store.get(id)?.answer)).toEqual(['x', 'x'])
    // Streamed text is not urgent: the screen may render it in slices.
    expect(told.slice(2)).toEqual([
      ['a', false],
      ['b', false],
    ])
    send('y')
    nextFrame()
    nextFrame()
    // Neither showing is on the screen yet, so the next text waits.
    expect(ids.map((id) => store.get(id)?.answer)).toEqual(['x', 'x'])
    expect(frames).toHaveLength(1)
    renderedLatest(store, 'a')
    nextFrame()
    expect(store.get('a')?.answer).toBe('x')
    // An object the screen rendered earlier does not count as the latest.
    const stale = { ...(store.get('b') as LiveRun) }
    store.rendered('b', stale)
    nextFrame()
    expect(store.get('b')?.answer).toBe('x')
    renderedLatest(store, 'b')
    nextFrame()
    expect(ids.map((id) => store.get(id)?.answer)).toEqual(['xy', 'xy'])
    expect(frames).toHaveLength(0)
  })

  it('does not wait on a run nobody shows, nor longer than MAX_RENDER_WAIT_MS', () => {
    const { emit, frames, store, clock } = clockedStore()
    const stop = store.subscribe('r1', () => undefined)
    emit('run.started', started)
    const send = (text: string) =>
      emit('run.delta', { runId: 'r1', conversationId: 'c1', seq: 1, answer: text, reasoning: '' })
    send('a')
    clock.ms += MIN_FLUSH_INTERVAL_MS
    frames.shift()?.()
    send('b')
    clock.ms += MIN_FLUSH_INTERVAL_MS
    frames.shift()?.()
    expect(store.get('r1')?.answer).toBe('a')
    // The card went away before it rendered: the store does not wait for it.
    stop()
    clock.ms += MIN_FLUSH_INTERVAL_MS
    frames.shift()?.()
    expect(store.get('r1')?.answer).toBe('ab')

    store.subscribe('r1', () => undefined)
    send('c')
    clock.ms += MIN_FLUSH_INTERVAL_MS
    frames.shift()?.()
    send('d')
    clock.ms += MAX_RENDER_WAIT_MS - 1
    frames.shift()?.()
    expect(store.get('r1')?.answer).toBe('abc')
    clock.ms += 1
    frames.shift()?.()
    expect(store.get('r1')?.answer).toBe('abcd')
  })

  it('forgets a finished run once no card shows it, and keeps it while one does', () => {
    const { emit, frames, store } = clockedStore()
    const first = store.subscribe('r1', () => undefined)
    const second = store.subscribe('r1', () => undefined)
    emit('run.started', started)
    emit('run.delta', { runId: 'r1', conversationId: 'c1', seq: 1, answer: 'all', reasoning: '' })
    frames.shift()?.()
    first()
    second()
    // Still streaming: nothing is saved yet, so the text stays.
    expect(store.get('r1')?.answer).toBe('all')
    const again = store.subscribe('r1', () => undefined)
    emit('run.done', { runId: 'r1', conversationId: 'c1', messageId: 'm1', status: 'done' })
    expect(store.get('r1')?.done).not.toBeNull()
    again()
    expect(store.get('r1')).toBeUndefined()
    // Unsubscribing twice does not drop a card that subscribed since.
    const told: boolean[] = []
    store.subscribe('r1', (urgent) => told.push(urgent))
    again()
    emit('run.started', started)
    expect(told).toEqual([true])
    // A run that ends before any card showed it stays for the card about to mount.
    emit('run.started', { ...started, runId: 'r2' })
    emit('run.done', { runId: 'r2', conversationId: 'c1', messageId: 'm2', status: 'done' })
    expect(store.get('r2')?.done).not.toBeNull()
  })

  it("ends a run with its own queued text without rendering the other runs' text early", () => {
    const { client, emit } = fakeClient()
    const frames: (() => void)[] = []
    const store = new LiveRunStore(client, (flush) => frames.push(flush))
    store.connect()
    emit('run.started', started)
    emit('run.started', { ...started, runId: 'r2' })
    emit('run.delta', { runId: 'r1', conversationId: 'c1', seq: 1, answer: 'one', reasoning: '' })
    emit('run.delta', { runId: 'r2', conversationId: 'c1', seq: 1, answer: 'two', reasoning: '' })
    emit('run.done', { runId: 'r1', conversationId: 'c1', messageId: 'm1', status: 'done' })
    expect(store.get('r1')).toMatchObject({ answer: 'one', done: { status: 'done' } })
    expect(store.get('r2')?.answer).toBe('')
    frames.shift()?.()
    expect(store.get('r2')?.answer).toBe('two')
  })

  it('shows streamed text about 30 times a second at most, keeping what arrives between', () => {
    const { emit, frames, store, clock } = clockedStore()
    emit('run.started', started)
    const send = (text: string) =>
      emit('run.delta', { runId: 'r1', conversationId: 'c1', seq: 1, answer: text, reasoning: '' })
    send('a')
    frames.shift()?.()
    expect(store.get('r1')?.answer).toBe('a')
    send('b')
    clock.ms += 16.7 // the next animation frame: too soon, so it waits for the one after
    frames.shift()?.()
    expect(store.get('r1')?.answer).toBe('a')
    expect(frames).toHaveLength(1)
    send('c')
    clock.ms += 16.7
    frames.shift()?.()
    expect(store.get('r1')?.answer).toBe('abc')
  })
})
