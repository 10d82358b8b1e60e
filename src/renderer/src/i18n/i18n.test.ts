import { describe, expect, it } from 'vitest'
import { createTranslate, detectLanguage } from './i18n'
import { messagesEn } from './messages-en'
import { messagesKo } from './messages-ko'

describe('i18n', () => {
  it('follows the OS language, falling back to English', () => {
    expect(detectLanguage(['ko-KR', 'en-US'])).toBe('ko')
    expect(detectLanguage(['en-GB', 'ko'])).toBe('en')
    expect(detectLanguage(['fr-FR', 'ko'])).toBe('ko')
    expect(detectLanguage(['fr-FR'])).toBe('en')
    expect(detectLanguage([])).toBe('en')
  })

  it('has a Korean text for every English one, with the same placeholders', () => {
    expect(Object.keys(messagesKo).sort()).toEqual(Object.keys(messagesEn).sort())
    for (const [key, en] of Object.entries(messagesEn)) {
      const ko = messagesKo[key as keyof typeof messagesEn]
      expect(ko.trim(), key).not.toBe('')
      expect(ko.match(/\{\w+\}/g) ?? [], key).toEqual(en.match(/\{\w+\}/g) ?? [])
    }
  })

  it('fills placeholders', () => {
    expect(createTranslate('en')('error.generic', { message: 'boom' })).toBe(
      'The host did not answer: boom',
    )
    expect(createTranslate('ko')('error.generic', { message: 'boom' })).toContain('boom')
  })
})
