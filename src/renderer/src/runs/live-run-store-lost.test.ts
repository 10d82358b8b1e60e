import { describe, expect, it } from 'vitest'
import type { EventName } from '../../../shared/contract'
import { createFakeClient } from '../test-support/fake-client'
import { LiveRunStore } from './live-run-store'

/** A connected store whose animation frames never run by themselves. */
function store() {
  const client = createFakeClient()
  const emit = (event: EventName, payload: unknown) => client.emit(event, payload as never)
  const runs = new LiveRunStore(client, () => 1)
  runs.connect()
  emit('run.started', { runId: 'r1', conversationId: 'c1', messageId: 'm1', startedAt: 1000 })
  emit('run.started', { runId: 'r2', conversationId: 'c1', messageId: 'm1', startedAt: 1000 })
  emit('run.done', { runId: 'r2', conversationId: 'c1', messageId: 'm1', status: 'done' })
  return { runs, emit }
}

const delta = (answer: string) => ({
  runId: 'r1',
  conversationId: 'c1',
  seq: 1,
  answer,
  reasoning: '',
})

describe('LiveRunStore when the connection to the host is lost', () => {
  it.each(['host.unreachable', 'host.stopping'])(
    'stops every open run at once on %s, keeping all its text (queued text too)',
    (code) => {
      const { runs, emit } = store()
      let told = 0
      runs.subscribe('r1', (urgent) => urgent && told++)
      emit('run.delta', delta('The first half, '))
      emit('app.notice', { level: 'warning', code, at: 5000 })
      expect(runs.get('r1')).toMatchObject({ answer: 'The first half, ', lostAt: 5000, done: null })
      expect(told).toBeGreaterThan(0)
      // A finished run is not touched.
      expect(runs.get('r2')?.lostAt).toBeUndefined()
    },
  )

  it('ignores other notices', () => {
    const { runs, emit } = store()
    emit('app.notice', { level: 'warning', code: 'data.pending', at: 5000 })
    expect(runs.get('r1')?.lostAt).toBeUndefined()
  })

  it('comes back to life when text arrives again, or history says it still streams', () => {
    const { runs, emit } = store()
    emit('app.notice', { level: 'warning', code: 'host.unreachable', at: 5000 })
    emit('run.delta', delta('more'))
    expect(runs.get('r1')?.lostAt).toBeUndefined()

    emit('app.notice', { level: 'warning', code: 'host.unreachable', at: 6000 })
    expect(runs.get('r1')?.lostAt).toBe(6000)
    runs.resync('r1', 'streaming')
    expect(runs.get('r1')?.lostAt).toBeUndefined()
  })

  it('gives way to the saved row once history says how it ended', () => {
    const { runs, emit } = store()
    emit('app.notice', { level: 'warning', code: 'host.unreachable', at: 5000 })
    runs.resync('r1', 'interrupted')
    expect(runs.get('r1')).toBeUndefined()
  })
})
