import { describe, expect, it } from 'vitest'
import { ReplayBuffer } from './replay-buffer'

const frame = (id: number, size: number) => ({ id, bytes: Buffer.alloc(size) })
const ids = (buffer: ReplayBuffer, seen = 0) => [...buffer.after(seen)].map((f) => f.id)

describe('ReplayBuffer', () => {
  it('drops the oldest frames past its byte bound', () => {
    const buffer = new ReplayBuffer(100, 300)
    for (let id = 1; id <= 5; id++) buffer.push(frame(id, 100))
    expect(ids(buffer)).toEqual([3, 4, 5])
    expect(buffer.totalBytes).toBe(300)
    expect(buffer.oldestId).toBe(3)
    expect(ids(buffer, 4)).toEqual([5])
  })

  it('drops the oldest frames past its count bound, and keeps order over many events', () => {
    const buffer = new ReplayBuffer(10, 1_000_000)
    for (let id = 1; id <= 5000; id++) buffer.push(frame(id, 1))
    expect(ids(buffer)).toEqual([4991, 4992, 4993, 4994, 4995, 4996, 4997, 4998, 4999, 5000])
    expect(buffer.totalBytes).toBe(10)
  })

  it('always keeps the newest frame, even one larger than the whole bound', () => {
    const buffer = new ReplayBuffer(100, 50)
    buffer.push(frame(1, 10))
    buffer.push(frame(2, 500))
    expect(ids(buffer)).toEqual([2])
    buffer.push(frame(3, 10))
    expect(ids(buffer)).toEqual([3])
  })
})
