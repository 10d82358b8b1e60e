import { chromium, expect, test, type Browser, type Page } from '@playwright/test'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FakeServer } from '../fakes/fake-script'
import { OPENAI_FAKE_DEFAULTS, startOpenAIFake } from '../fakes/openai/openai-fake'
import { CHROME_ARGS, findChrome } from './support/find-chrome'
import { hostRpc } from './support/host-rpc'
import {
  defaultDataFolder,
  serveDefaultFolder,
  type ServedHost,
} from './support/serve-default-folder'
import { pickModel, sendPrompt } from './support/ui-harness'

// What the person set up in the page survives a restart of the web host: the reload after it is
// still signed in, on the same address, with the same presets, models, banners and sidebar.

let base: string
let openai: FakeServer
let browser: Browser
const hosts: ServedHost[] = []

test.beforeAll(async () => {
  const executablePath = findChrome()
  if (!executablePath) throw new Error('No Chrome or Chromium found: set CHROME_PATH.')
  browser = await chromium.launch({ executablePath, args: CHROME_ARGS })
  openai = await startOpenAIFake()
})
test.afterAll(async () => {
  await browser?.close()
  await openai?.close().catch(() => {})
})
test.beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'parallax-e2e-restart-'))
})
test.afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop()
  rmSync(base, { recursive: true, force: true })
})

async function serve(args: string[] = []): Promise<ServedHost> {
  const host = await serveDefaultFolder(join(base, 'config'), args)
  hosts.push(host)
  return host
}

/** A data folder change chosen earlier and still waiting: its notice comes back at every start. */
function chooseFolderForLater(): string {
  const waiting = join(base, 'external disk', 'Parallax')
  const defaultDir = defaultDataFolder(join(base, 'config'))
  mkdirSync(defaultDir, { recursive: true, mode: 0o700 })
  writeFileSync(
    join(defaultDir, 'data-location.json'),
    JSON.stringify({ pending: { dataDir: waiting, chosenAt: 1, confirmed: false } }),
  )
  return waiting
}

async function prefsOf(host: ServedHost): Promise<Record<string, unknown>> {
  const result = await hostRpc(host, 'prefs.get', {})
  expect(result.ok).toBe(true)
  return result.value as Record<string, unknown>
}

function pendingNotice(page: Page, folder: string) {
  return page.getByRole('status').filter({ hasText: folder })
}

test('a restart keeps the session, presets, last models, dismissed banners and the folded sidebar', async () => {
  const waiting = chooseFolderForLater()
  const first = await serve()
  const created = await hostRpc(first, 'connections.create', {
    provider: 'openai',
    label: 'OpenAI — work',
    fields: { apiKey: OPENAI_FAKE_DEFAULTS.openaiKey, baseURL: `${openai.url}/v1` },
  })
  expect(created.ok).toBe(true)
  const page = await (await browser.newContext({ locale: 'en-US' })).newPage()
  await page.goto(first.url)

  // The banner about the waiting folder: dismissed.
  const notice = pendingNotice(page, waiting)
  await expect(notice).toBeVisible()
  await notice.getByRole('button', { name: 'Dismiss' }).click()
  await expect(notice).toHaveCount(0)

  // A preset, saved from the chat's parameters.
  await page.getByTestId('toggle-parameters').click()
  const panel = page.getByTestId('parameters-panel')
  await panel.getByTestId('param-temperature').getByRole('spinbutton').fill('0.3')
  await panel.getByRole('button', { name: /^Presets/ }).click()
  await panel.getByRole('textbox', { name: 'Preset name' }).fill('Careful')
  await panel.getByRole('button', { name: 'Save' }).click()
  await expect(panel.getByRole('status')).toHaveText('Saved “Careful”.')

  // The chat's model and a comparison's two columns, remembered when each is sent.
  await pickModel(page, 'chat-model-picker', 'gpt-5.4-mini')
  await sendPrompt(page, 'Hello once')
  await expect(page.getByTestId('run-card').first()).toHaveAttribute('data-status', 'done')
  await page.goto(`${first.origin}/#/compare`)
  await pickModel(page, 'column-model-1', 'gpt-5.4-nano')
  await pickModel(page, 'column-model-2', 'gpt-5.4-mini')
  await sendPrompt(page, 'Hello twice')
  await expect(page.getByTestId('run-card')).toHaveCount(2)

  // The sidebar, folded.
  await page.getByTestId('sidebar-toggle').click()
  await expect(page.locator('.shell')).toHaveAttribute('data-sidebar', 'collapsed')

  // Everything has reached the data folder before the host goes away.
  await expect
    .poll(async () => prefsOf(first))
    .toMatchObject({
      presets: [{ name: 'Careful', parameters: { temperature: 0.3 } }],
      lastChoice: { model: 'gpt-5.4-mini' },
      lastColumns: [{ model: 'gpt-5.4-nano' }, { model: 'gpt-5.4-mini' }],
      sidebarCollapsed: true,
      dismissed: { notices: [`data.pending:${waiting}`] },
    })

  await first.stop()
  const second = await serve()
  expect(second.port).toBe(first.port)
  expect(second.token).toBe(first.token)

  // The reload the stop banner asks for: still signed in, everything as it was left.
  await page.goto(`${second.origin}/#/chat`)
  await expect(page.getByTestId('host-error')).toHaveCount(0)
  await expect(page.locator('.shell')).toHaveAttribute('data-sidebar', 'collapsed')
  await expect(page.getByTestId('chat-model-picker')).toContainText('GPT-5.4 mini')
  await expect(pendingNotice(page, waiting)).toHaveCount(0)
  await page.getByTestId('toggle-parameters').click()
  await page.getByRole('button', { name: 'Presets (1)' }).click()
  await expect(page.getByRole('button', { name: 'Apply preset Careful' })).toBeVisible()
  await page.goto(`${second.origin}/#/compare`)
  await expect(page.getByTestId('column-model-1')).toContainText('GPT-5.4 nano')
  await expect(page.getByTestId('column-model-2')).toContainText('GPT-5.4 mini')

  // A new token ends the old session: the same page, reloaded, is signed out.
  await second.stop()
  const rotated = await serve(['--new-token'])
  expect(rotated.port).toBe(first.port)
  expect(rotated.token).not.toBe(first.token)
  expect(rotated.output()).toContain('Made a new access token')
  await page.reload()
  await expect(page.getByTestId('host-error')).toContainText('not signed in')
})
