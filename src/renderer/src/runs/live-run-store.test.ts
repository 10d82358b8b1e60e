import { describe, expect, it } from 'vitest'
import type { ParallaxClient } from '../../../shared/client'
import { LiveRunStore } from './live-run-store'

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
})
