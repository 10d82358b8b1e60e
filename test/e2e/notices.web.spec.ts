import { chromium, expect, test } from '@playwright/test'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CHROME_ARGS, findChrome } from './support/find-chrome'
import { startServedApp } from './support/start-served-app'

test('an unreadable history database is moved aside and the person is told where', async () => {
  const garbage = 'this is not a SQLite database '.repeat(200)
  const app = await startServedApp((dataDir) =>
    writeFileSync(join(dataDir, 'history.sqlite'), garbage),
  )
  const executablePath = findChrome()
  if (!executablePath)
    throw new Error('No Chrome or Chromium found: install one, or set CHROME_PATH.')
  const browser = await chromium.launch({ executablePath, args: CHROME_ARGS })
  try {
    const page = await (await browser.newContext({ locale: 'en-US' })).newPage()
    await page.goto(`${app.url}#/settings`)
    const banner = page
      .getByRole('status')
      .filter({ hasText: 'history database could not be read' })
    await expect(banner).toBeVisible()
    const movedTo = /the old file is at (.+)\.$/.exec(
      (await banner.locator('span').textContent()) ?? '',
    )?.[1]
    expect(movedTo).toBeDefined()
    // Nothing was deleted: the old bytes sit where the notice says.
    expect(existsSync(movedTo ?? '')).toBe(true)
    expect(readFileSync(movedTo ?? '', 'utf8')).toBe(garbage)
    await expect(page.getByTestId('app-info-data-dir')).toHaveText(app.dataDir)
  } finally {
    await browser.close()
    await app.stop()
  }
})
