import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { watchEventStream } from './watch-event-stream'

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

function watched(): StreamStandIn {
  const stream = new StreamStandIn()
  watchEventStream(stream as unknown as EventSource, 5_000)
  return stream
}

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
