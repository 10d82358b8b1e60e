import { chromium, expect, test, type Browser } from '@playwright/test'
import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { CHROME_ARGS, findChrome } from './support/find-chrome'
import { hostRpc } from './support/host-rpc'
import { spawnUntil, stopChild } from './support/spawn-until'

const READY_LINE = /^Parallax is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))$/m

interface Host {
  child: ChildProcess
  url: string
  origin: string
  token: string
}

let browser: Browser
let base: string
const hosts: Host[] = []

/**
 * `npm run serve` with no --data-dir, so the default folder (under XDG_CONFIG_HOME) decides; with
 * `before`, the output must say that before the address.
 */
async function serve(args: string[] = [], before?: string): Promise<Host> {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: join(base, 'config') }
  delete env.PARALLAX_DATA_DIR
  const ready = before
    ? new RegExp(`${escapeRegExp(before)}[^]*${READY_LINE.source}`, 'm')
    : READY_LINE
  const { child, match } = await spawnUntil(
    [resolve('out/server/cli.js'), '--port', '0', ...args],
    ready,
    15_000,
    env,
  )
  const host = {
    child,
    url: match[1] as string,
    origin: `http://127.0.0.1:${match[2]}`,
    token: match[3] as string,
  }
  hosts.push(host)
  return host
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

test.beforeAll(async () => {
  const executablePath = findChrome()
  if (!executablePath) throw new Error('No Chrome or Chromium found: set CHROME_PATH.')
  browser = await chromium.launch({ executablePath, args: CHROME_ARGS })
})
test.afterAll(async () => {
  await browser?.close()
})
test.beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'parallax-e2e-folder-'))
})
test.afterEach(async () => {
  for (const host of hosts.splice(0)) await stopChild(host.child)
  rmSync(base, { recursive: true, force: true })
})

test('a folder chosen in Settings waits; only a start with --accept-data-dir moves the data', async () => {
  const defaultDir = join(base, 'config', 'Parallax')
  const chosen = join(base, 'external disk', 'Parallax')
  const first = await serve()
  expect(
    await hostRpc(first, 'connections.create', {
      provider: 'openai-compatible',
      label: 'Travels with the data',
      fields: { baseURL: 'http://127.0.0.1:9/v1', apiKey: 'sk-local-key-moves-along-0000' },
    }),
  ).toMatchObject({ ok: true })

  const context = await browser.newContext({ locale: 'en-US' })
  const page = await context.newPage()
  await page.goto(`${first.url}#/settings`)
  await expect(page.getByTestId('settings-data-dir')).toHaveText(defaultDir)
  await page.getByTestId('data-dir-change').click()
  await page.getByLabel('New data folder').fill('relative/folder')
  await page.getByTestId('data-dir-apply').click()
  await expect(page.getByRole('alert')).toContainText('Give the full path')
  await expect(
    page.getByText('takes effect when Parallax is next started with --accept-data-dir'),
  ).toBeVisible()
  await page.getByLabel('New data folder').fill(chosen)
  await page.getByTestId('data-dir-apply').click()
  await expect(page.getByTestId('data-dir-next')).toContainText(
    `Parallax moves to ${chosen} when it is next started with --accept-data-dir`,
  )
  await expect(page.getByTestId('settings-data-dir')).toHaveText(defaultDir)
  await context.close()

  // A plain restart: the page's choice alone moves nothing, and both the host and the page say so.
  await stopChild(first.child)
  const waiting = await serve(
    [],
    `A new data folder was chosen in Settings (${chosen}); nothing moves`,
  )
  const waitingContext = await browser.newContext({ locale: 'en-US' })
  const waitingPage = await waitingContext.newPage()
  await waitingPage.goto(`${waiting.url}#/settings`)
  await expect(waitingPage.getByTestId('settings-data-dir')).toHaveText(defaultDir)
  await expect(
    waitingPage.getByRole('status').filter({ hasText: 'is waiting. Nothing has moved' }),
  ).toContainText(chosen)
  await waitingContext.close()
  expect(existsSync(join(chosen, 'vault.key'))).toBe(false)
  expect(existsSync(join(chosen, 'history.sqlite'))).toBe(false)
  expect(existsSync(join(chosen, 'vault.json'))).toBe(false)

  await stopChild(waiting.child)
  const second = await serve(
    ['--accept-data-dir'],
    `Now using the data folder chosen in Settings: ${chosen}`,
  )
  const again = await browser.newContext({ locale: 'en-US' })
  const next = await again.newPage()
  await next.goto(`${second.url}#/settings`)
  await expect(next.getByTestId('settings-data-dir')).toHaveText(chosen)
  await expect(
    next.getByRole('status').filter({ hasText: 'were copied into the new data folder' }),
  ).toContainText(defaultDir)
  await next.goto(`${second.url}#/connections`)
  await expect(next.getByTestId('connection-row')).toContainText('Travels with the data')
  await again.close()
  // The key came along (the vault opened), and the originals are still in the old folder.
  expect(await hostRpc(second, 'vault.status', {})).toMatchObject({ ok: true, value: { count: 1 } })
  expect(existsSync(join(defaultDir, 'history.sqlite'))).toBe(true)
  expect(existsSync(join(chosen, 'vault.key'))).toBe(true)
})
