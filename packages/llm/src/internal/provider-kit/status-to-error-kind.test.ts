import { describe, expect, it } from 'vitest'
import { statusToErrorKind } from './status-to-error-kind'

describe('statusToErrorKind', () => {
  it.each([
    [400, 'invalid_request'],
    [401, 'auth'],
    [402, 'quota'],
    [403, 'permission'],
    [404, 'not_found'],
    [408, 'timeout'],
    [409, 'invalid_request'],
    [413, 'invalid_request'],
    [422, 'invalid_request'],
    [429, 'rate_limit'],
    [500, 'server'],
    [502, 'server'],
    [503, 'overloaded'],
    [504, 'server'],
    [529, 'overloaded'],
    [200, 'invalid_request'],
  ] as const)('%i → %s', (status, kind) => {
    expect(statusToErrorKind(status)).toBe(kind)
  })
})
