import { describe, expect, it } from 'vitest'
import { boundedQuit } from './bounded-quit'

function recorder() {
  const calls: string[] = []
  let prevented = 0
  const event = { preventDefault: () => void prevented++ }
  return { calls, event, prevented: () => prevented }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('boundedQuit', () => {
  it('exits after the deadline when closing never finishes', () => {
    const r = recorder()
    // The deadline's timer is held here and fired by hand: no race with a loaded machine.
    const timers: { run: () => void; ms: number }[] = []
    const onQuit = boundedQuit({
      close: () => (r.calls.push('close'), new Promise<void>(() => undefined)),
      release: () => r.calls.push('release'),
      exit: () => r.calls.push('exit'),
      onTimeout: (ms) => r.calls.push(`timeout ${ms}`),
      deadlineMs: 60,
      setTimer: (run, ms) => timers.push({ run, ms }),
    })
    onQuit(r.event)
    expect(r.prevented()).toBe(1)
    expect(r.calls).toEqual(['close'])
    expect(timers.map((timer) => timer.ms)).toEqual([60])
    timers[0]?.run()
    expect(r.calls).toEqual(['close', 'timeout 60', 'release', 'exit'])
  })

  it('exits at once when closing finishes, and only once', async () => {
    const r = recorder()
    const onQuit = boundedQuit({
      close: async () => void r.calls.push('close'),
      release: () => r.calls.push('release'),
      exit: () => r.calls.push('exit'),
      onTimeout: () => r.calls.push('timeout'),
      deadlineMs: 40,
    })
    onQuit(r.event)
    await sleep(5)
    expect(r.calls).toEqual(['close', 'release', 'exit'])
    await sleep(60)
    expect(r.calls).toEqual(['close', 'release', 'exit'])
  })

  it('exits when closing fails, and reports the error', async () => {
    const r = recorder()
    const onQuit = boundedQuit({
      close: () => Promise.reject(new Error('disk gone')),
      release: () => r.calls.push('release'),
      exit: () => r.calls.push('exit'),
      onError: (error) => r.calls.push(`error ${(error as Error).message}`),
      deadlineMs: 1000,
    })
    onQuit(r.event)
    await sleep(5)
    expect(r.calls).toEqual(['error disk gone', 'release', 'exit'])
  })

  it('a second quit while closing starts no second close and is held back too', async () => {
    const r = recorder()
    let finishClose = (): void => undefined
    const onQuit = boundedQuit({
      close: () => {
        r.calls.push('close')
        return new Promise<void>((resolve) => (finishClose = resolve))
      },
      release: () => r.calls.push('release'),
      exit: () => r.calls.push('exit'),
      deadlineMs: 1000,
    })
    onQuit(r.event)
    onQuit(r.event)
    expect(r.prevented()).toBe(2)
    expect(r.calls).toEqual(['close'])
    finishClose()
    await sleep(5)
    expect(r.calls).toEqual(['close', 'release', 'exit'])
  })
})
