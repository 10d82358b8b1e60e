import { describe, expect, it } from 'vitest'
import {
  APP_ENTRY_URL,
  conversationWindowRoute,
  devServerUrlFrom,
  isOpenableExternalUrl,
  isTrustedUrl,
  trustedOrigins,
  windowUrl,
} from './app-url'

describe('app URLs', () => {
  it('trusts only the app:// origin, plus the dev server when one is given', () => {
    const packaged = trustedOrigins(undefined)
    expect(isTrustedUrl(APP_ENTRY_URL, packaged)).toBe(true)
    expect(isTrustedUrl('app://parallax/some/route?x=1', packaged)).toBe(true)
    expect(isTrustedUrl('app://evil/index.html', packaged)).toBe(false)
    expect(isTrustedUrl('file:///etc/passwd', packaged)).toBe(false)
    expect(isTrustedUrl('http://localhost:5173/', packaged)).toBe(false)
    expect(isTrustedUrl('not a url', packaged)).toBe(false)
    const dev = trustedOrigins('http://localhost:5173/')
    expect(isTrustedUrl('http://localhost:5173/index.html', dev)).toBe(true)
    expect(isTrustedUrl('http://localhost:5174/', dev)).toBe(false)
  })

  it('lets only http(s) links reach the OS browser', () => {
    expect(isOpenableExternalUrl('https://platform.openai.com/api-keys')).toBe(true)
    expect(isOpenableExternalUrl('http://example.com')).toBe(true)
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'smb://host/share',
      'data:text/html,x',
      'ms-settings:',
      'app://parallax/',
    ]) {
      expect(isOpenableExternalUrl(url)).toBe(false)
    }
  })

  it('treats an empty or blank ELECTRON_RENDERER_URL as no dev server (never loadURL(""))', () => {
    for (const blank of ['', '   ', '\n']) {
      expect(devServerUrlFrom(blank, false)).toBeUndefined()
      expect(windowUrl(blank)).toBe(APP_ENTRY_URL)
      expect(windowUrl(blank, '#/c/x')).toBe(`${APP_ENTRY_URL}#/c/x`)
      expect([...trustedOrigins(blank)]).toEqual(['app://parallax'])
    }
    expect(devServerUrlFrom(undefined, false)).toBeUndefined()
    expect(devServerUrlFrom(' http://localhost:5173/ ', false)).toBe('http://localhost:5173/')
    expect(devServerUrlFrom('http://localhost:5173/', true)).toBeUndefined()
    expect(windowUrl('http://localhost:5173/', '#/c/x')).toBe('http://localhost:5173/#/c/x')
  })

  it("opens a conversation in a window of its own at the renderer's solo route (#/w/<id>)", () => {
    expect(conversationWindowRoute('c_1')).toBe('#/w/c_1')
    expect(conversationWindowRoute('a b/#')).toBe('#/w/a%20b%2F%23')
    expect(windowUrl(undefined, conversationWindowRoute('c_1'))).toBe(`${APP_ENTRY_URL}#/w/c_1`)
  })
})
