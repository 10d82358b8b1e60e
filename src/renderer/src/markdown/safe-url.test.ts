import { describe, expect, it } from 'vitest'
import { parseImageUrl, parseWebUrl } from './safe-url'

describe('parseWebUrl', () => {
  it('accepts absolute http and https URLs, normalised', () => {
    expect(parseWebUrl('https://example.com/a?b=1#c')?.href).toBe('https://example.com/a?b=1#c')
    expect(parseWebUrl('HTTP://Example.COM')?.href).toBe('http://example.com/')
  })

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'mailto:a@b.c',
    '/relative/path',
    '#anchor',
    'example.com',
    '',
    undefined,
    42,
  ])('rejects %s', (value) => {
    expect(parseWebUrl(value)).toBeUndefined()
  })
})

describe('parseImageUrl', () => {
  it('accepts only https', () => {
    expect(parseImageUrl('https://img.example.com/a.png')?.host).toBe('img.example.com')
    expect(parseImageUrl('http://img.example.com/a.png')).toBeUndefined()
    expect(parseImageUrl('data:image/png;base64,AAAA')).toBeUndefined()
  })
})
