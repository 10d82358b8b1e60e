import { _electron as electron, expect, test } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { findElectron } from './support/find-electron'

const lookup = findElectron()

test.describe('desktop app (Electron)', () => {
  test.skip('reason' in lookup, 'reason' in lookup ? lookup.reason : '')

  test('the main window shows app.info from the Electron host, with the sandbox intact', async () => {
    if (!('path' in lookup)) return
    const dataDir = mkdtempSync(join(tmpdir(), 'parallax-electron-'))
    const app = await electron.launch({
      executablePath: lookup.path,
      args: [resolve('.'), ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
      env: { ...process.env, PARALLAX_DATA_DIR: dataDir, ELECTRON_RENDERER_URL: '' },
    })
    try {
      const page = await app.firstWindow()
      expect(page.url()).toBe('app://parallax/index.html')
      await page.getByRole('button', { name: 'Settings' }).click()
      await expect(page.getByTestId('app-info-data-dir')).toHaveText(dataDir)
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
    } finally {
      await app.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
