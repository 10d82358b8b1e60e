import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

export function createAccessToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Constant-time comparison; hashing first makes the time independent of the length too. */
export function tokensMatch(expected: string, candidate: string | undefined): boolean {
  if (candidate === undefined || candidate === '') return false
  const a = createHash('sha256').update(expected).digest()
  const b = createHash('sha256').update(candidate).digest()
  return timingSafeEqual(a, b)
}
