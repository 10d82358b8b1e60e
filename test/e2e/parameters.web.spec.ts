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
  await expect(temperature).toContainText(
    'o4-mini is a reasoning model and does not take Temperature.',
  )
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

test('n answers: one prompt gets three answers as siblings, each its own request', async () => {
  const { page, openai } = h
  await h.addOpenAI()
  await h.open('#/chat')
  await pickModel(page, 'chat-model-picker', 'gpt-4.1-mini')
  await page.getByTestId('toggle-parameters').click()
  const answers = page.getByTestId('param-n').getByRole('spinbutton')
  await answers.fill('3')
  await answers.blur()
  const words = (name: string) => Array.from({ length: 30 }, (_, i) => `${name}${i} `)
  openai.enqueue(
    { text: words('alpha'), delayMs: 30 },
    { text: words('beta'), delayMs: 30 },
    { text: words('gamma'), delayMs: 30 },
  )
  await sendPrompt(page, 'Three answers, please')

  // All three stream at once; the first is shown, the others a flip away.
  const card = page.getByTestId('run-card')
  await expect(card).toHaveAttribute('data-status', 'streaming')
  await expect(page.getByTestId('sibling-position')).toHaveText('1 / 3')
  await expect(page).toHaveURL(/#\/c\//)
  const texts: string[] = []
  for (let i = 0; i < 3; i++) {
    await expect(card).toHaveAttribute('data-status', 'done', { timeout: 15_000 })
    await expect(card.locator('[data-metric="cost"]')).toContainText('$')
    texts.push(((await card.getByTestId('run-answer').textContent()) ?? '').trim())
    if (i < 2) await page.getByRole('button', { name: 'Next version' }).click()
  }
  await expect(page.getByTestId('sibling-position')).toHaveText('3 / 3')
  expect(texts.map((text) => text.split(/\d/)[0]).sort()).toEqual(['alpha', 'beta', 'gamma'])

  const requests = openai.requests.filter((r) => r.url.includes('/chat/completions'))
  expect(requests).toHaveLength(3)
  for (const request of requests) expect(request.json).not.toHaveProperty('n')
})
