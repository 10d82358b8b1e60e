import { describe, expect, it } from 'vitest'
import { hintOf } from './secret-hint'

describe('secret hints', () => {
  it('show the last 4 characters of values of 12 or more characters', () => {
    expect(hintOf('sk-proj-1234567890abcdWXYZ')).toEqual({ set: true, last4: 'WXYZ' })
    expect(hintOf('abcdefgh1234')).toEqual({ set: true, last4: '1234' })
  })

  it('show nothing of shorter values, and unset for missing or empty ones', () => {
    expect(hintOf('abcdefgh123')).toEqual({ set: true, last4: '' })
    expect(hintOf('pw')).toEqual({ set: true, last4: '' })
    expect(hintOf('')).toEqual({ set: false, last4: '' })
    expect(hintOf(undefined)).toEqual({ set: false, last4: '' })
  })

  it('count characters, not UTF-16 units, and never reveal more than 4', () => {
    expect(hintOf('비밀번호비밀번호비밀🔑🔑')).toEqual({ set: true, last4: '비밀🔑🔑' })
    for (let length = 0; length < 40; length++) {
      const value = Array.from({ length }, (_, i) => String.fromCharCode(65 + (i % 26))).join('')
      const { last4 } = hintOf(value)
      expect(Array.from(last4).length).toBeLessThanOrEqual(4)
      expect(value.endsWith(last4)).toBe(true)
    }
  })
})
