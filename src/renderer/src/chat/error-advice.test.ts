import { describe, expect, it } from 'vitest'
import { messagesEn } from '../i18n/messages-en'
import { messagesKo } from '../i18n/messages-ko'
import { adviceKey, pointsToConnection } from './error-advice'

describe('error advice', () => {
  it('explains a locked key vault and leads to the Connections screen, where it unlocks', () => {
    expect(adviceKey('locked')).toBe('chat.error.locked')
    expect(pointsToConnection('locked')).toBe(true)
    expect(messagesKo[adviceKey('locked')]).not.toBe(messagesEn[adviceKey('locked')])
  })

  it('asks for the key again when its vault could not be decrypted, on the Connections screen', () => {
    expect(adviceKey('reenter')).toBe('chat.error.reenter')
    expect(messagesEn[adviceKey('reenter')]).toMatch(/must be entered again/)
    expect(pointsToConnection('reenter')).toBe(true)
  })

  it('falls back to a plain sentence for a kind it does not know, never to the raw kind', () => {
    expect(adviceKey('something_new')).toBe('chat.error.unknown')
    expect(adviceKey(null)).toBe('chat.error.unknown')
    expect(adviceKey('toString')).toBe('chat.error.unknown')
    expect(pointsToConnection('rate_limit')).toBe(false)
  })
})
