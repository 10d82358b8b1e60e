import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { HEARTBEAT_EVENT } from '../../../shared/event-stream-heartbeat'
import { watchEventStream, type HostProbe } from './watch-event-stream'

/** The parts of EventSource the watcher reads, driven by hand. */
class StreamStandIn extends EventTarget {
  readonly CONNECTING = 0
  readonly OPEN = 1
  readonly CLOSED = 2
  readyState = 0
  readonly notices: string[] = []

  constructor() {
    super()
    this.addEventListener('app.notice', (event) => {
      this.notices.push(JSON.parse((event as MessageEvent<string>).data).code as string)
    })
  }
  open(): void {
    this.readyState = this.OPEN
    this.dispatchEvent(new Event('open'))
  }
  fail(state: 0 | 2): void {
    this.readyState = state
    this.dispatchEvent(new Event('error'))
  }
}

function watched(probe?: HostProbe): StreamStandIn {
  const stream = new StreamStandIn()
  watchEventStream(stream as unknown as EventSource, {
    graceMs: 5_000,
    silenceMs: 2_500,
    ...(probe ? { probe } : {}),
  })
  return stream
}

/** A probe answered by hand: `answer(true)` the host is there, `answer(false)` it is gone. */
function handProbe(): { probe: HostProbe; asked: () => number; answer(there: boolean): void } {
  const pending: ((there: boolean) => void)[] = []
  return {
    probe: () => new Promise<boolean>((resolve) => pending.push(resolve)),
    asked: () => pending.length,
    answer: (there) => pending.shift()?.(there),
  }
}

const heartbeat = (stream: StreamStandIn): boolean =>
  stream.dispatchEvent(new MessageEvent(HEARTBEAT_EVENT, { data: '{}' }))

describe('watchEventStream', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('says the host is unreachable once a dropped stream stays down past the grace time', () => {
    const stream = watched()
    stream.open()
    stream.fail(0)
    vi.advanceTimersByTime(4_999)
    expect(stream.notices).toEqual([])
    stream.fail(0)
    vi.advanceTimersByTime(1)
    expect(stream.notices).toEqual(['host.unreachable'])
    stream.fail(0)
    vi.advanceTimersByTime(10_000)
    expect(stream.notices).toEqual(['host.unreachable'])
  })

  it('stays quiet when the stream comes back within the grace time', () => {
    const stream = watched()
    stream.open()
    stream.fail(0)
    vi.advanceTimersByTime(2_000)
    stream.open()
    vi.advanceTimersByTime(10_000)
    expect(stream.notices).toEqual([])
  })

  it('also reports a host that died while the page was still connecting', () => {
    const stream = watched()
    stream.fail(0)
    vi.advanceTimersByTime(5_000)
    expect(stream.notices).toEqual(['host.unreachable'])
  })

  it('says so at once when the stream drops and the host no longer answers (kill -9)', async () => {
    const host = handProbe()
    const stream = watched(host.probe)
    stream.open()
    stream.fail(0)
    expect(host.asked()).toBe(1)
    host.answer(false)
    await vi.advanceTimersByTimeAsync(0)
    expect(stream.notices).toEqual(['host.unreachable'])
  })

  it('waits out the grace time when the stream drops but the host still answers', async () => {
    const host = handProbe()
    const stream = watched(host.probe)
    stream.open()
    stream.fail(0)
    host.answer(true)
    await vi.advanceTimersByTimeAsync(2_000)
    expect(stream.notices).toEqual([])
    stream.open()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(stream.notices).toEqual([])
  })

  it('asks the host when the open stream falls silent, and says so when it does not answer', async () => {
    const host = handProbe()
    const stream = watched(host.probe)
    stream.open()
    // Heartbeats keep it quiet, however long.
    for (let i = 0; i < 10; i++) {
      await vi.advanceTimersByTimeAsync(1_000)
      heartbeat(stream)
    }
    expect(host.asked()).toBe(0)
    // Silence past 2.5 s: the host is asked; a frozen host does not answer in time.
    await vi.advanceTimersByTimeAsync(3_000)
    expect(host.asked()).toBe(1)
    expect(stream.notices).toEqual([])
    host.answer(false)
    await vi.advanceTimersByTimeAsync(0)
    expect(stream.notices).toEqual(['host.unreachable'])
  })

  it('stays quiet when a silent stream belongs to a host that still answers', async () => {
    const host = handProbe()
    const stream = watched(host.probe)
    stream.open()
    await vi.advanceTimersByTimeAsync(3_000)
    expect(host.asked()).toBe(1)
    host.answer(true)
    heartbeat(stream)
    await vi.advanceTimersByTimeAsync(2_000)
    expect(host.asked()).toBe(0)
    expect(stream.notices).toEqual([])
  })

  it('leaves a refused first connection (no token) to the page, and a stopping host quiet', () => {
    const refused = watched()
    refused.fail(2)
    vi.advanceTimersByTime(10_000)
    expect(refused.notices).toEqual([])

    const stopping = watched()
    stopping.open()
    stopping.dispatchEvent(
      new MessageEvent('app.notice', { data: JSON.stringify({ code: 'host.stopping' }) }),
    )
    stopping.fail(2)
    vi.advanceTimersByTime(10_000)
    expect(stopping.notices).toEqual(['host.stopping'])
  })
})
