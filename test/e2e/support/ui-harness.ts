import { chromium, expect, type Browser, type Page } from '@playwright/test'
import { ANTHROPIC_FAKE_KEY, startAnthropicFake } from '../../fakes/anthropic/anthropic-fake'
import type { FakeServer } from '../../fakes/fake-script'
import { OPENAI_FAKE_DEFAULTS, startOpenAIFake } from '../../fakes/openai/openai-fake'
import { CHROME_ARGS, findChrome } from './find-chrome'
import { collectResponseBodies } from './response-bodies'
import { startServedApp, type ServedApp } from './start-served-app'

export interface UiHarness {
  app: ServedApp
  openai: FakeServer
  anthropic: FakeServer
  browser: Browser
  page: Page
  /** Every response body the renderer received from the host, for secret scans. */
  bodies: string[]
  rpc<T = unknown>(method: string, input: unknown): Promise<T>
  /** Saves a connection to the in-process OpenAI fake through the HTTP API; returns its id. */
  addOpenAI(label?: string): Promise<string>
  addAnthropic(label?: string): Promise<string>
  open(hash?: string): Promise<void>
  close(): Promise<void>
}

/**
 * The web host with fake providers this test process controls (so it can script answers), and a
 * Chromium page on it.
 */
export async function startUiHarness(
  options: {
    locale?: string
    colorScheme?: 'light' | 'dark'
    /** Fills the app's data folder before the app starts (a database from an older version …). */
    prepareDataDir?: (dataDir: string) => void
  } = {},
): Promise<UiHarness> {
  const openai = await startOpenAIFake()
  const anthropic = await startAnthropicFake()
  const app = await startServedApp(options.prepareDataDir)
  const executablePath = findChrome()
  if (!executablePath)
    throw new Error('No Chrome or Chromium found: install one, or set CHROME_PATH.')
  const browser = await chromium.launch({ executablePath, args: CHROME_ARGS })
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1440, height: 900 },
  })
  const page = await context.newPage()
  const bodies = collectResponseBodies(page)

  const rpc = async <T>(method: string, input: unknown): Promise<T> => {
    const response = await fetch(`${app.origin}/api/rpc/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${app.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    })
    const result = (await response.json()) as { ok: boolean; value?: T; error?: unknown }
    expect(result.ok, `${method}: ${JSON.stringify(result)}`).toBe(true)
    return result.value as T
  }

  return {
    app,
    openai,
    anthropic,
    browser,
    page,
    bodies,
    rpc,
    async addOpenAI(label = 'OpenAI — work') {
      const { id } = await rpc<{ id: string }>('connections.create', {
        provider: 'openai',
        label,
        fields: { apiKey: OPENAI_FAKE_DEFAULTS.openaiKey, baseURL: `${openai.url}/v1` },
      })
      return id
    },
    async addAnthropic(label = 'Anthropic — work') {
      const { id } = await rpc<{ id: string }>('connections.create', {
        provider: 'anthropic',
        label,
        fields: { apiKey: ANTHROPIC_FAKE_KEY, baseURL: anthropic.url },
      })
      return id
    },
    async open(hash = '') {
      await page.goto(`${app.url}${hash}`)
    },
    async close() {
      await browser.close()
      await app.stop()
      await openai.close().catch(() => {})
      await anthropic.close().catch(() => {})
    },
  }
}

/** Opens a model picker and chooses a model (within a connection's group when given). */
export async function pickModel(
  page: Page,
  pickerTestId: string,
  model: string,
  connectionLabel?: string,
): Promise<void> {
  await page.getByTestId(pickerTestId).click()
  const popover = page.getByTestId('model-picker-popover')
  const scope = connectionLabel
    ? popover.getByTestId('model-group').filter({ hasText: connectionLabel })
    : popover
  await scope.locator(`[data-testid="model-option"][data-model="${model}"]`).first().click()
  await expect(popover).toBeHidden()
}

/** Types a prompt and sends it with Enter. */
export async function sendPrompt(page: Page, text: string): Promise<void> {
  const input = page.getByTestId('prompt-input')
  await input.fill(text)
  await input.press('Enter')
}
