import { describe, expect, it } from 'vitest'
import { checkLimits, draftOf } from './request-limits'

const saved = { requestTimeoutSeconds: 600, idleTimeoutSeconds: 60, maxRetries: 2 }

describe('checkLimits', () => {
  it('reports only the fields that changed', () => {
    const draft = { ...draftOf(saved), idleTimeoutSeconds: ' 45 ' }
    expect(checkLimits(draft, saved)).toEqual({ changes: { idleTimeoutSeconds: 45 }, invalid: [] })
  })

  it('accepts the bounds and refuses values past them, fractions and blanks', () => {
    const atBounds = { requestTimeoutSeconds: '10', idleTimeoutSeconds: '600', maxRetries: '0' }
    expect(checkLimits(atBounds, saved).invalid).toEqual([])
    const wrong = { requestTimeoutSeconds: '3601', idleTimeoutSeconds: '4.5', maxRetries: '' }
    expect(checkLimits(wrong, saved).invalid.map((spec) => spec.field)).toEqual([
      'requestTimeoutSeconds',
      'idleTimeoutSeconds',
      'maxRetries',
    ])
    expect(checkLimits({ ...draftOf(saved), maxRetries: '-1' }, saved).invalid).toHaveLength(1)
  })
})
