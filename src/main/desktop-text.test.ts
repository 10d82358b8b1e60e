import { describe, expect, it } from 'vitest'
import { DESKTOP_TEXT, desktopLanguage, desktopTranslate } from './desktop-text'

describe('the main process’s own text', () => {
  it('has every sentence in English and Korean, with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    expect(Object.keys(DESKTOP_TEXT.ko).sort()).toEqual(Object.keys(DESKTOP_TEXT.en).sort())
    for (const [key, text] of Object.entries(DESKTOP_TEXT.en)) {
      const korean = DESKTOP_TEXT.ko[key as keyof typeof DESKTOP_TEXT.ko]
      expect(korean.trim(), key).not.toBe('')
      expect(placeholders(korean), key).toEqual(placeholders(text))
    }
    expect(desktopTranslate('en')('start.log', { log: '/x/startup.log' })).toBe(
      'The details are in /x/startup.log.',
    )
  })

  it('follows the Settings language, else the OS’s first English or Korean preference', () => {
    expect(desktopLanguage('ko', ['en-US'])).toBe('ko')
    expect(desktopLanguage('en', ['ko-KR'])).toBe('en')
    expect(desktopLanguage('system', ['fr-FR', 'ko-KR', 'en-US'])).toBe('ko')
    expect(desktopLanguage(undefined, ['en-GB', 'ko'])).toBe('en')
    expect(desktopLanguage('system', ['fr-FR'])).toBe('en')
    expect(desktopLanguage(undefined, [])).toBe('en')
  })
})
