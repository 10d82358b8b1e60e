import { expect, test } from '@playwright/test'
import { findElectron } from './support/find-electron'
import { desktopFolders, launchDesktop } from './support/launch-desktop'

const lookup = findElectron()

test.describe('desktop app (Electron)', () => {
  test.skip('reason' in lookup, 'reason' in lookup ? lookup.reason : '')

  test('the main window shows app.info from the Electron host, with the sandbox intact', async () => {
    if (!('path' in lookup)) return
    const folders = desktopFolders()
    // No ELECTRON_RENDERER_URL at all: the packaged entry, app://parallax/index.html, loads.
    const app = await launchDesktop(lookup.path, folders)
    try {
      const page = await app.firstWindow()
      await page.waitForLoadState('domcontentloaded')
      expect(page.url()).toBe('app://parallax/index.html')
      await page.getByRole('button', { name: 'Settings' }).click()
      await expect(page.getByTestId('app-info-data-dir')).toHaveText(folders.dataDir)
      await expect(page.getByTestId('app-info-host')).toHaveText('Desktop app')
      await expect(page.getByTestId('app-info-electron')).toHaveText(/^45\./)
      const surface = await page.evaluate(() => ({
        bridge: Object.keys((window as unknown as { parallax: object }).parallax).sort(),
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }))
      expect(surface).toEqual({
        bridge: ['invoke', 'on'],
        require: 'undefined',
        process: 'undefined',
      })
      const opened = await page.evaluate(() => window.open('https://example.com') === null)
      expect(opened).toBe(true)
      expect(app.windows()).toHaveLength(1)
      // Electron's userData is not the data folder: Chromium's files stay out of it.
      const userData = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))
      expect(userData).toBe(folders.userData)
    } finally {
      await app.close()
      folders.remove()
    }
  })
})
