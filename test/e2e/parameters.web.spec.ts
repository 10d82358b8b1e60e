import { expect, test } from '@playwright/test'
import { pickModel, sendPrompt, startUiHarness, type UiHarness } from './support/ui-harness'

let h: UiHarness
test.beforeEach(async () => {
  h = await startUiHarness()
})
test.afterEach(async () => {
  await h?.close()
})

test('parameters a model rejects are disabled with the reason, and never sent', async () => {
  const { page, openai } = h
  await h.addOpenAI()
  await h.open('#/chat')
  await pickModel(page, 'chat-model-picker', 'gpt-4.1-mini')
  await page.getByTestId('toggle-parameters').click()
  const temperature = page.getByTestId('param-temperature')
  const slider = temperature.getByRole('slider')
  await expect(slider).toBeEnabled()
  await temperature.getByRole('spinbutton').fill('0.3')
  await temperature.getByRole('spinbutton').blur()

  // A reasoning model rejects temperature: the control is disabled and says why.
  await pickModel(page, 'chat-model-picker', 'o4-mini')
  await expect(slider).toBeDisabled()
  await expect(temperature).toContainText('is a reasoning model and rejects temperature')
  await expect(page.getByTestId('param-reasoning_effort').getByRole('combobox')).toBeEnabled()

  openai.enqueue({ text: ['ok'] })
  await sendPrompt(page, 'Hi')
  await expect(page.getByTestId('run-card')).toHaveAttribute('data-status', 'done')
  const sent = openai.requests.at(-1)?.json as Record<string, unknown>
  expect(sent.model).toBe('o4-mini')
  expect(sent).not.toHaveProperty('temperature')

  // Back on a model that takes it, a value set now is sent.
  await pickModel(page, 'chat-model-picker', 'gpt-4.1-mini')
  await page.getByTestId('toggle-parameters').click()
  await expect(slider).toBeEnabled()
  await temperature.getByRole('spinbutton').fill('0.2')
  await temperature.getByRole('spinbutton').blur()
  openai.enqueue({ text: ['ok'] })
  await sendPrompt(page, 'Again')
  await expect(page.locator('[data-testid="run-card"][data-status="done"]')).toHaveCount(2)
  expect((openai.requests.at(-1)?.json as Record<string, unknown>).temperature).toBe(0.2)
})
