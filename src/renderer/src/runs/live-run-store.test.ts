import { describe, expect, it } from 'vitest'
import type { ParallaxClient } from '../../../shared/client'
import { FRAME_BUDGET_MS, LiveRunStore, MIN_FLUSH_INTERVAL_MS } from './live-run-store'

function fakeClient() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const client = {
    host: 'web',
    invoke: () => Promise.reject(new Error('not used')),
    on: (event: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set()
      set.add(listener)
      listeners.set(event, set)
      return () => set.delete(listener)
    },
  } as unknown as ParallaxClient
  const emit = (event: string, payload: unknown) =>
    listeners.get(event)?.forEach((listener) => listener(payload))
  return { client, emit, listeners }
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
    const { client, emit, listeners } = fakeClient()
    const store = new LiveRunStore(client, () => 1)
    const stop = store.connect()
    stop()
    expect([...listeners.values()].every((set) => set.size === 0)).toBe(true)
    emit('run.started', started)
    expect(store.get('r1')).toBeUndefined()
  })

  it('shows only as many runs per frame as fit the budget, the longest-waiting first', async () => {
    const { emit, frames, store, clock } = clockedStore()
    const ids = ['a', 'b', 'c', 'd']
    // Rendering one run takes half the frame budget: two runs fit in a frame.
    for (const id of ids) store.subscribe(id, () => (clock.ms += FRAME_BUDGET_MS / 2))
    for (const id of ids) emit('run.started', { ...started, runId: id })
    const send = (text: string) => {
      for (const id of ids)
        emit('run.delta', { runId: id, conversationId: 'c1', seq: 1, answer: text, reasoning: '' })
    }
    const nextFrame = async () => {
      clock.ms += MIN_FLUSH_INTERVAL_MS
      frames.shift()?.()
      await Promise.resolve() // the render measurement runs in a microtask
    }
    send('x')
    await nextFrame() // not measured yet: every run is shown
    expect(ids.map((id) => store.get(id)?.answer)).toEqual(['x', 'x', 'x', 'x'])
    send('y')
    await nextFrame()
    const shown = ids.filter((id) => store.get(id)?.answer === 'xy')
    expect(shown).toHaveLength(2)
    expect(frames).toHaveLength(1) // the others are due next frame
    send('z')
    await nextFrame()
    // The two left out last frame come first, with everything queued for them.
    for (const id of ids.filter((id) => !shown.includes(id)))
      expect(store.get(id)?.answer).toBe('xyz')
    await nextFrame()
    expect(ids.map((id) => store.get(id)?.answer)).toEqual(['xyz', 'xyz', 'xyz', 'xyz'])
    expect(frames).toHaveLength(0)
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
