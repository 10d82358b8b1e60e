import { expect, test, type Page } from '@playwright/test'
import { DEFAULT_SCRIPT } from '../fakes/fake-script'
import { pickModel, sendPrompt, startUiHarness, type UiHarness } from './support/ui-harness'

let h: UiHarness
test.beforeEach(async () => {
  h = await startUiHarness()
})
test.afterEach(async () => {
  await h?.close()
})

/** The Usage screen's four totals and its per-model table, as the person reads them. */
async function usageShown(page: Page): Promise<string[]> {
  await page.goto(`${h.app.url}#/usage`)
  const requests = page.getByTestId('usage-total-requests')
  await expect(requests).toBeVisible()
  const cards = ['requests', 'tokens-in', 'tokens-out', 'cost'].map((name) =>
    page.getByTestId(`usage-total-${name}`).innerText(),
  )
  return [...(await Promise.all(cards)), await page.getByRole('table').last().innerText()]
}

test('deleting a conversation and clearing history leave Usage unchanged', async () => {
  const { page, openai } = h
  await h.addOpenAI()
  openai.enqueue(
    { text: ['First answer.'], usage: { input: 120, output: 30 } },
    { text: ['Second answer.'], usage: { input: 200, output: 40 } },
    { text: ['Other chat.'], usage: { input: 80, output: 10 } },
  )
  await h.open('#/chat')
  await pickModel(page, 'chat-model-picker', 'gpt-5.4-mini')
  await sendPrompt(page, 'First question')
  await expect(page.getByTestId('run-card').last()).toHaveAttribute('data-status', 'done')
  await sendPrompt(page, 'A follow-up')
  await expect(page.getByTestId('run-card')).toHaveCount(2)
  await expect(page.getByTestId('run-card').last()).toHaveAttribute('data-status', 'done')
  await page.getByRole('button', { name: 'New chat' }).click()
  await sendPrompt(page, 'Another chat')
  await expect(page.getByTestId('run-answer')).toHaveText('Other chat.')

  const before = await usageShown(page)
  expect(before[0]).toContain('3') // requests
  expect(before[1]).toContain('400') // tokens in: 120 + 200 + 80
  expect(before[4]).toContain('gpt-5.4-mini')

  // Delete the two-turn conversation from the sidebar.
  const first = page.getByTestId('history-item').filter({ hasText: 'First question' })
  await first.getByRole('button', { name: /More actions/ }).click()
  await page.getByRole('menuitem', { name: 'Delete…' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click()
  await expect(page.getByTestId('history-item')).toHaveCount(1)
  expect(await usageShown(page)).toEqual(before)

  // Clear the whole history from Settings.
  await page.goto(`${h.app.url}#/settings`)
  await page.getByRole('button', { name: 'Clear history…' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Type “delete” to confirm').fill('delete')
  await dialog.getByRole('button', { name: 'Delete everything' }).click()
  await expect(page.getByText('Conversations deleted: 1.')).toBeVisible()
  await expect(page.getByTestId('history-item')).toHaveCount(0)
  expect(await usageShown(page)).toEqual(before)
})

test('a burst of requests raises the spend warning within seconds', async () => {
  const { page, openai } = h
  const connectionId = await h.addOpenAI('Burst key')
  openai.enqueue({ ...DEFAULT_SCRIPT, times: 60 })
  await h.open('#/chat')
  await expect(page.getByTestId('prompt-input')).toBeVisible()
  await expect(page.getByTestId('usage-warning')).toHaveCount(0)

  // 56 requests within a few seconds, as a script using the web API would send them.
  const fired = Date.now()
  await Promise.all(
    Array.from({ length: 56 }, (_, i) =>
      h.rpc('runs.startChat', { connectionId, model: 'gpt-5.4-mini', prompt: `burst ${i}` }),
    ),
  )
  const banner = page.getByTestId('usage-warning')
  await expect(banner).toBeVisible({ timeout: 5000 })
  expect(Date.now() - fired).toBeLessThan(5000)
  await expect(banner).toContainText('Unusual use of “Burst key”')
  await expect(banner).toContainText(/\d+ requests in 15 seconds/)
})
