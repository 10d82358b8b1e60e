import { randomBytes } from 'node:crypto'

/** A UUID version 7: time-ordered, so new rows land at the end of the id indexes. */
export function newId(time = Date.now()): string {
  const bytes = randomBytes(16)
  const ms = BigInt(Math.max(0, Math.floor(time)))
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn)
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x70
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
