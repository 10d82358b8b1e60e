import { describe, expect, it } from 'vitest'
import { RunEventRouter } from './run-event-router'

describe('RunEventRouter', () => {
  it('sends a conversation’s streamed text only to the windows showing it', () => {
    const router = new RunEventRouter()
    router.noteCall(1, 'compare.start', { prompt: 'x' }, { conversationId: 'c1', runIds: [] })
    router.noteCall(2, 'history.get', { id: 'c2' }, { conversation: {} })
    router.noteCall(3, 'runs.startChat', {}, { conversationId: 'c1' })
    const delta = (conversationId: string) => ({ runId: 'r', conversationId, seq: 1, text: 'x' })
    expect(router.targets('run.delta', delta('c1'), [1, 2, 3])).toEqual([1, 3])
    expect(router.targets('run.delta', delta('c2'), [1, 2, 3])).toEqual([2])
  })

  it('sends run.started and run.done to every window, so each history list stays current', () => {
    const router = new RunEventRouter()
    router.noteCall(1, 'runs.startChat', {}, { conversationId: 'c1' })
    router.noteCall(2, 'history.get', { id: 'c2' }, {})
    const payload = { runId: 'r', conversationId: 'c1' }
    expect(router.targets('run.started', payload, [1, 2])).toEqual([1, 2])
    expect(router.targets('run.done', payload, [1, 2])).toEqual([1, 2])
    expect(router.targets('run.delta', payload, [1, 2])).toEqual([1])
  })

  it('broadcasts deltas nobody watches yet, and events without a conversation', () => {
    const router = new RunEventRouter()
    router.noteCall(1, 'history.get', { id: 'c1' }, {})
    expect(router.targets('run.delta', { conversationId: 'new' }, [1, 2])).toEqual([1, 2])
    expect(
      router.targets('usage.warning', { connectionId: 'k', message: 'spend' }, [1, 2]),
    ).toEqual([1, 2])
  })

  it('ignores calls that name no conversation, closed windows and forgotten ones', () => {
    const router = new RunEventRouter()
    router.noteCall(1, 'connections.list', {}, { conversationId: 'c9' })
    router.noteCall(1, 'runs.startChat', {}, { conversationId: 'c1' })
    router.noteCall(2, 'runs.startChat', {}, { conversationId: 'c1' })
    expect(router.targets('run.delta', { conversationId: 'c9' }, [1, 2])).toEqual([1, 2])
    expect(router.targets('run.delta', { conversationId: 'c1' }, [2])).toEqual([2])
    router.forget(2)
    expect(router.targets('run.delta', { conversationId: 'c1' }, [1, 2])).toEqual([1])
  })
})
