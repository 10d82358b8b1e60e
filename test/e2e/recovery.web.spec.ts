import { expect, test, type Locator, type Page } from '@playwright/test'
import { restartServedApp } from './support/restart-served-app'
import type { ServedApp } from './support/start-served-app'
import { pickModel, sendPrompt, startUiHarness, type UiHarness } from './support/ui-harness'

let h: UiHarness
let restarted: ServedApp | undefined
test.beforeEach(async () => {
  h = await startUiHarness()
  restarted = undefined
})
test.afterEach(async () => {
  await restarted?.stop()
  await h?.close()
})

/** Starts a long, slow answer (no usage from the provider until its end) and waits for its text. */
async function startSlowAnswer(): Promise<{ card: Locator; conversationUrl: string }> {
  const { page, openai } = h
  await h.addOpenAI()
  openai.enqueue({ text: Array.from({ length: 400 }, (_, i) => `word${i} `), delayMs: 50 })
  await h.open('#/chat')
  await pickModel(page, 'chat-model-picker', 'gpt-5.4-mini')
  await sendPrompt(page, 'Count slowly')
  const card = page.getByTestId('run-card').first()
  await expect(card).toHaveAttribute('data-status', 'streaming')
  // Streaming for over a second: the host has saved the text and the figures so far at least once.
  await expect(card.getByTestId('run-answer')).toContainText('word25')
  await expect(page).toHaveURL(/#\/c\//)
  return { card, conversationUrl: page.url() }
}

/** The card stops at once: it says the connection was lost, keeps its text, and its clock stops. */
async function expectStoppedCard(card: Locator, killedAt: number): Promise<string> {
  await expect(card).toHaveAttribute('data-status', 'disconnected', { timeout: 3_000 })
  expect(Date.now() - killedAt).toBeLessThan(3_000)
  await expect(card.getByTestId('run-disconnected')).toContainText(
    'The connection to Parallax was lost',
  )
  await expect(card.locator('.run-status')).toHaveText('Connection lost')
  await expect(card.getByTestId('stop-run')).toHaveCount(0)
  // Nor does the prompt box offer to stop what it can no longer reach.
  await expect(card.page().getByTestId('stop-all')).toHaveCount(0)
  const total = card.locator('[data-metric="total"]')
  const first = await total.textContent()
  await card.page().waitForTimeout(1_000)
  expect(await total.textContent()).toBe(first)
  expect(first).toMatch(/\d/)
  const text = (await card.getByTestId('run-answer').textContent()) ?? ''
  expect(text).toContain('word25')
  return text
}

/**
 * Restarts the host on the same data folder and port, then reloads the page the person was on, as
 * the banner tells them to: same address and token, so it is still signed in and shows what the
 * database says.
 */
async function reloadOnRestartedHost(conversationUrl: string): Promise<Page> {
  restarted = await restartServedApp(h.app)
  expect(restarted.port).toBe(h.app.port)
  expect(restarted.token).toBe(h.app.token)
  expect(h.page.url()).toBe(conversationUrl)
  await h.page.reload()
  return h.page
}

test('SIGTERM mid-answer: the card says the connection was lost, then reads Interrupted with what was measured', async () => {
  const { card, conversationUrl } = await startSlowAnswer()
  const killedAt = Date.now()
  h.app.process.kill('SIGTERM')
  await expect(
    h.page.getByRole('status').filter({ hasText: 'The Parallax server has stopped' }),
  ).toBeVisible({ timeout: 3_000 })
  const kept = await expectStoppedCard(card, killedAt)

  const page = await reloadOnRestartedHost(conversationUrl)
  const saved = page.getByTestId('run-card').first()
  await expect(saved).toHaveAttribute('data-status', 'interrupted')
  await expect(saved.locator('.run-status')).toHaveText('Interrupted')
  // Saved at shutdown with the text streamed so far (at least what this page had shown).
  const answer = (await saved.getByTestId('run-answer').textContent()) ?? ''
  expect(answer.length).toBeGreaterThanOrEqual(kept.trim().length)
  // What was measured: first token, and tokens and cost estimated (no usage ever came).
  await expect(saved.locator('[data-metric="ttft"]')).toHaveText(/\d/)
  await expect(saved.locator('[data-metric="total"]')).toHaveText(/\d/)
  await expect(saved.locator('[data-metric="tokens"]')).toHaveText(/≈\s*\d+\s*→\s*\d+/)
  await expect(saved.locator('[data-metric="cost"]')).toHaveText(/≈.*\$/)
})

test('kill -9 mid-answer: the banner and the stopped card within 3 s, then Interrupted after a restart', async () => {
  const { card, conversationUrl } = await startSlowAnswer()
  const killedAt = Date.now()
  h.app.process.kill('SIGKILL')
  await expect(
    h.page.getByRole('status').filter({ hasText: 'Lost the connection to the Parallax server' }),
  ).toBeVisible({ timeout: 3_000 })
  expect(Date.now() - killedAt).toBeLessThan(3_000)
  await expectStoppedCard(card, killedAt)

  const page = await reloadOnRestartedHost(conversationUrl)
  const saved = page.getByTestId('run-card').first()
  await expect(saved).toHaveAttribute('data-status', 'interrupted')
  await expect(saved.locator('.run-status')).toHaveText('Interrupted')
  await expect(saved.getByTestId('run-answer')).toContainText('word10')
  // What was measured up to the host's last save before it died (it saves every ~0.5 s).
  await expect(saved.locator('[data-metric="ttft"]')).toHaveText(/\d/)
  await expect(saved.locator('[data-metric="tokens"]')).toHaveText(/≈\s*\d+\s*→\s*\d+/)
  await expect(saved.locator('[data-metric="cost"]')).toHaveText(/≈.*\$/)
})
