import { expect, test } from '@playwright/test'
import { pickModel, sendPrompt, startUiHarness, type UiHarness } from './support/ui-harness'

let h: UiHarness
test.beforeEach(async () => {
  h = await startUiHarness()
})
test.afterEach(async () => {
  await h?.close()
})

test('chat streams, stops with the partial text kept, regenerates and flips between answers', async () => {
  const { page, openai } = h
  await h.addOpenAI()
  const slow = Array.from({ length: 400 }, (_, i) => `word${i} `)
  openai.enqueue({ text: slow, delayMs: 25 }, { text: ['The **second** answer.'], delayMs: 5 })
  await h.open('#/chat')
  await pickModel(page, 'chat-model-picker', 'gpt-5.4-mini')
  await sendPrompt(page, 'Count slowly')

  const card = page.getByTestId('run-card').first()
  await expect(card).toHaveAttribute('data-status', 'streaming')
  await expect(card.getByTestId('run-answer')).toContainText('word3')
  // The conversation got its own address and sits in the history sidebar.
  await expect(page).toHaveURL(/#\/c\//)
  await expect(page.getByTestId('history-item').first()).toContainText('Count slowly')

  await card.getByTestId('stop-run').click()
  await expect(card).toHaveAttribute('data-status', 'stopped')
  const partial = (await card.getByTestId('run-answer').textContent()) ?? ''
  expect(partial).toContain('word3')
  expect(partial).not.toContain('word399')

  await card.getByTestId('regenerate').click()
  const regenerated = page.getByTestId('run-card').first()
  await expect(regenerated.getByTestId('run-answer')).toHaveText('The second answer.')
  await expect(regenerated.locator('strong')).toHaveText('second')
  await expect(regenerated).toHaveAttribute('data-status', 'done')
  await expect(page.getByTestId('sibling-position')).toHaveText('2 / 2')
  await expect(regenerated.getByTestId('run-metrics')).toContainText('s')
  await expect(regenerated.locator('[data-metric="cost"]')).toContainText('$')

  await page.getByRole('button', { name: 'Previous version' }).click()
  await expect(page.getByTestId('sibling-position')).toHaveText('1 / 2')
  await expect(page.getByTestId('run-card').first()).toHaveAttribute('data-status', 'stopped')
  await expect(page.getByTestId('run-answer').first()).toContainText('word3')

  // The follow-up continues from the answer shown, and the fake receives that history.
  openai.enqueue({ text: ['Follow-up answer'] })
  await sendPrompt(page, 'And then?')
  await expect(page.getByTestId('run-card')).toHaveCount(2)
  await expect(page.getByTestId('run-answer').nth(1)).toHaveText('Follow-up answer')
  const last = openai.requests.at(-1)?.json as { messages: { role: string; content: string }[] }
  expect(last.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user'])
  expect(last.messages[1]?.content).toContain('word3')
})

test('a rejected key is explained in plain words, with the way to fix it', async () => {
  const { page, openai } = h
  await h.addOpenAI()
  openai.enqueue({ error: 'auth' })
  await h.open('#/chat')
  await pickModel(page, 'chat-model-picker', 'gpt-5.4-mini')
  await sendPrompt(page, 'Hello?')
  const error = page.getByTestId('run-error')
  await expect(error).toContainText('Key rejected — open the connection and check the key.')
  await error.getByRole('button', { name: 'Open connections' }).click()
  await expect(page.getByTestId('connections-screen')).toBeVisible()
})

test('edit and resend keeps the earlier prompt as a version to flip back to', async () => {
  const { page, openai } = h
  await h.addOpenAI()
  openai.enqueue({ text: ['first answer'] }, { text: ['edited answer'] })
  await h.open('#/chat')
  await pickModel(page, 'chat-model-picker', 'gpt-5.4-mini')
  await sendPrompt(page, 'Original prompt')
  await expect(page.getByTestId('run-answer')).toHaveText('first answer')
  const message = page.getByTestId('user-message')
  await message.getByRole('button', { name: 'Edit' }).click()
  await message.getByRole('textbox').fill('Edited prompt')
  await message.getByRole('button', { name: 'Send as new version' }).click()
  await expect(page.getByTestId('run-answer')).toHaveText('edited answer')
  await expect(page.getByTestId('user-message')).toContainText('Edited prompt')
  await page.getByRole('button', { name: 'Previous version' }).click()
  await expect(page.getByTestId('user-message')).toContainText('Original prompt')
  await expect(page.getByTestId('run-answer')).toHaveText('first answer')
})
