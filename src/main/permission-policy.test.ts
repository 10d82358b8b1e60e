import { describe, expect, it } from 'vitest'
import { trustedOrigins } from './app-url'
import { isPermissionGranted } from './permission-policy'

const packaged = trustedOrigins(undefined)
const write = 'clipboard-sanitized-write'

describe('isPermissionGranted', () => {
  it('lets the app’s own main frame write to the clipboard (request and check)', () => {
    const ask = { permission: write, isMainFrame: true, requestingUrl: 'app://parallax/index.html' }
    expect(isPermissionGranted(ask, packaged)).toBe(true)
    expect(isPermissionGranted({ ...ask, requestingOrigin: 'app://parallax' }, packaged)).toBe(true)
    expect(
      isPermissionGranted(
        {
          permission: write,
          isMainFrame: true,
          requestingUrl: undefined,
          requestingOrigin: 'app://parallax',
        },
        packaged,
      ),
    ).toBe(true)
    const dev = trustedOrigins('http://localhost:5173/')
    expect(
      isPermissionGranted(
        { permission: write, isMainFrame: true, requestingUrl: 'http://localhost:5173/#/c/1' },
        dev,
      ),
    ).toBe(true)
  })

  it('denies a subframe, a foreign or unknown origin, and every other permission', () => {
    const own = 'app://parallax/index.html'
    const denied = [
      { permission: write, isMainFrame: false, requestingUrl: own },
      { permission: write, isMainFrame: true, requestingUrl: 'https://evil.example/' },
      { permission: write, isMainFrame: true, requestingUrl: 'app://evil/index.html' },
      { permission: write, isMainFrame: true, requestingUrl: 'file:///etc/passwd' },
      { permission: write, isMainFrame: true, requestingUrl: undefined },
      {
        permission: write,
        isMainFrame: true,
        requestingUrl: own,
        requestingOrigin: 'https://evil.example',
      },
      { permission: write, isMainFrame: true, requestingUrl: 'http://localhost:5173/' },
      ...['clipboard-read', 'notifications', 'media', 'geolocation', 'openExternal', 'unknown'].map(
        (permission) => ({ permission, isMainFrame: true, requestingUrl: own }),
      ),
    ]
    for (const ask of denied)
      expect(isPermissionGranted(ask, packaged), JSON.stringify(ask)).toBe(false)
  })
})
