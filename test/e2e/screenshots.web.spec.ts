import { expect, test } from '@playwright/test'
import { mkdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { demoAnswer } from '../fakes/demo-answer'
import { setFallbackScript } from '../fakes/script-queue'
import { pickModel, sendPrompt, startUiHarness, type UiHarness } from './support/ui-harness'

// The README's pictures: the main screens in light and dark, taken from the real UI.
const DIR = resolve('test-results/screenshots')

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots of chat, comparison and history (${scheme})`, async () => {
    mkdirSync(DIR, { recursive: true })
    setFallbackScript(demoAnswer)
    const h: UiHarness = await startUiHarness({ colorScheme: scheme })
    try {
      const { page } = h
      await h.addOpenAI('OpenAI — work')
      await h.addAnthropic('Anthropic — personal')
      await h.open('#/chat')
      await pickModel(page, 'chat-model-picker', 'gpt-5.4-mini')
      await sendPrompt(page, 'How do I stream a completion in TypeScript?')
      await expect(page.getByTestId('run-card')).toHaveAttribute('data-status', 'done', {
        timeout: 30_000,
      })
      const background = await page.evaluate(
        () => getComputedStyle(document.documentElement).backgroundColor,
      )
      const [r = 0, g = 0, b = 0] = (background.match(/\d+/g) ?? []).map(Number)
      expect((r + g + b) / 3 > 128 ? 'light' : 'dark').toBe(scheme)
      await page.screenshot({ path: join(DIR, `chat-${scheme}.png`) })

      await page.getByRole('button', { name: 'Compare', exact: true }).click()
      await pickModel(page, 'column-model-1', 'gpt-5.4-mini')
      await pickModel(page, 'column-model-2', 'claude-sonnet-5-5')
      await page.getByTestId('add-column').click()
      await pickModel(page, 'column-model-3', 'gpt-4.1-mini')
      await sendPrompt(page, 'Summarise the trade-offs of SQLite WAL mode')
      await expect(page.locator('[data-testid="run-card"][data-status="done"]')).toHaveCount(3, {
        timeout: 30_000,
      })
      await expect(page.getByTestId('compare-summary')).toBeVisible()
      await page.getByTestId('turn-list').evaluate((list) => (list.scrollTop = 0))
      await page.screenshot({ path: join(DIR, `compare-${scheme}.png`) })

      await page.getByTestId('history-search').fill('stream')
      await expect(page.getByTestId('history-hit').first()).toBeVisible()
      await page.screenshot({ path: join(DIR, `history-${scheme}.png`) })

      for (const name of ['chat', 'compare', 'history']) {
        expect(statSync(join(DIR, `${name}-${scheme}.png`)).size).toBeGreaterThan(20_000)
      }
    } finally {
      setFallbackScript(null)
      await h.close()
    }
  })
}

test('screenshot of a four-column comparison in a 1024×700 window', async () => {
  mkdirSync(DIR, { recursive: true })
  setFallbackScript(demoAnswer)
  const h: UiHarness = await startUiHarness()
  try {
    const { page } = h
    await page.setViewportSize({ width: 1024, height: 700 })
    await h.addOpenAI('OpenAI — work')
    await h.addAnthropic('Anthropic — personal')
    await h.open('#/compare')
    await pickModel(page, 'column-model-1', 'gpt-5.4-mini')
    await pickModel(page, 'column-model-2', 'claude-sonnet-5-5')
    await page.getByTestId('add-column').click()
    await pickModel(page, 'column-model-3', 'gpt-4.1-mini')
    await page.getByTestId('add-column').click()
    await pickModel(page, 'column-model-4', 'gpt-4.1')
    await sendPrompt(page, 'Summarise the trade-offs of SQLite WAL mode')
    await expect(page.locator('[data-testid="run-card"][data-status="done"]')).toHaveCount(4, {
      timeout: 30_000,
    })
    await page.keyboard.press('Control+b')
    await page.getByTestId('turn-list').evaluate((list) => (list.scrollTop = 0))
    const path = join(DIR, 'compare-4-columns-1024.png')
    await page.screenshot({ path })
    expect(statSync(path).size).toBeGreaterThan(20_000)
  } finally {
    setFallbackScript(null)
    await h.close()
  }
})
