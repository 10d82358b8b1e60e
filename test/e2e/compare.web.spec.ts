import { expect, test } from '@playwright/test'
import { pickModel, sendPrompt, startUiHarness, type UiHarness } from './support/ui-harness'

let h: UiHarness
test.beforeEach(async () => {
  h = await startUiHarness()
})
test.afterEach(async () => {
  await h?.close()
})

test('three models side by side with live metrics, a summary row, a new tab, and offline reopening', async () => {
  const { page, openai, anthropic } = h
  await h.addOpenAI()
  await h.addAnthropic()
  // Different speeds, so the summary has something to mark.
  openai.enqueue(
    {
      text: ['Fast ', 'mini ', 'answer.', '', '', '', ''],
      delayMs: 120,
      usage: { input: 20, output: 3 },
    },
    { text: ['Slower ', 'nano ', 'answer.'], delayMs: 450, usage: { input: 20, output: 3 } },
  )
  anthropic.enqueue({
    text: ['Claude ', 'answer.', '', ''],
    delayMs: 300,
    usage: { input: 20, output: 2 },
  })

  await h.open('#/compare')
  await pickModel(page, 'column-model-1', 'gpt-5.4-mini')
  await pickModel(page, 'column-model-2', 'gpt-5.4-nano', 'OpenAI — work')
  await page.getByTestId('add-column').click()
  await pickModel(page, 'column-model-3', 'claude-sonnet-5-5')
  await expect(page.getByTestId('prompt-estimate')).toContainText('≈')
  await sendPrompt(page, 'Which is fastest?')

  const cards = page.getByTestId('run-card')
  await expect(cards).toHaveCount(3)
  // All three stream at the same time: each is streaming before any is done.
  await expect(page.locator('[data-testid="run-card"][data-status="streaming"]')).toHaveCount(3, {
    timeout: 5_000,
  })
  await expect(page.locator('[data-testid="run-card"][data-status="done"]')).toHaveCount(3)
  for (const card of await cards.all()) {
    await expect(card.locator('[data-metric="ttft"]')).toHaveText(/\d+(\.\d+)? s/)
    await expect(card.locator('[data-metric="total"]')).toHaveText(/\d+(\.\d+)? s/)
    await expect(card.locator('[data-metric="tokens"]')).toContainText('20 →')
  }
  // Both OpenAI columns share one fake, so either may get the fast script: find it by its text.
  const fast = cards.filter({ hasText: 'Fast mini answer.' })
  const fastModel = await fast.getAttribute('data-model')
  const summary = page.getByTestId('compare-summary')
  await expect(summary).toContainText('Fastest first token')
  await expect(summary.locator('div').first()).toContainText(fastModel ?? '?')
  await expect(summary).toContainText('Cheapest')
  await expect(fast.getByTestId('run-badge')).toContainText(['Fastest first token'])

  // A follow-up goes to all three columns.
  await sendPrompt(page, 'And now?')
  await expect(cards).toHaveCount(6)
  await expect(page.locator('[data-testid="run-card"][data-status="done"]')).toHaveCount(6)

  // "Open in new window" is a new tab in browser mode, at the same comparison.
  const [tab] = await Promise.all([
    page.context().waitForEvent('page'),
    page.getByTestId('open-in-window').click(),
  ])
  await tab.waitForLoadState()
  await expect(tab.getByTestId('conversation')).toHaveAttribute('data-mode', 'compare')
  await expect(tab.getByTestId('run-card')).toHaveCount(6)
  await tab.close()

  // With every provider gone, the saved comparison still opens from history.
  await openai.close()
  await anthropic.close()
  await page.reload()
  await expect(page.getByTestId('run-card')).toHaveCount(6)
  await expect(page.getByTestId('run-answer').filter({ hasText: 'Fast mini answer.' })).toHaveCount(
    1,
  )
  await expect(page.getByTestId('compare-summary').first()).toBeVisible()
})
