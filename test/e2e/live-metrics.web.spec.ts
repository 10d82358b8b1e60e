import { expect, test, type Locator } from '@playwright/test'
import { pickModel, sendPrompt, startUiHarness, type UiHarness } from './support/ui-harness'

// While an answer streams, its card shows tokens, speed and cost so far, marked ≈ (the host
// estimates them from the text generated), and Total never reads less than First token. When
// the provider's usage arrives with the end, the exact figures replace them, without ≈.

let h: UiHarness
test.beforeEach(async () => {
  h = await startUiHarness()
})
test.afterEach(async () => {
  await h?.close()
})

/** Seconds in "0.42 s" / "1.2 s"; NaN for "—". */
function seconds(text: string): number {
  return Number(text.replace(/\s*s$/, ''))
}

async function metric(card: Locator, name: string): Promise<string> {
  return ((await card.locator(`[data-metric="${name}"]`).textContent()) ?? '').trim()
}

test('a streaming answer shows ≈ tokens, speed and cost, then the exact figures when it ends', async () => {
  const { page, openai } = h
  await h.addOpenAI()
  await h.open('#/chat')
  // A priced model: its catalog price turns the running token count into a running cost.
  await pickModel(page, 'chat-model-picker', 'gpt-4.1-mini')
  const words = Array.from({ length: 80 }, (_, i) => `word${i} `)
  openai.enqueue({ text: words, delayMs: 50, usage: { input: 321, output: 654 } })
  await sendPrompt(page, 'Count slowly')

  const card = page.getByTestId('run-card')
  await expect(card).toHaveAttribute('data-status', 'streaming')
  // First token ≤ Total on every frame from the first text on, while it streams.
  for (let sample = 0; sample < 12; sample++) {
    const ttft = seconds(await metric(card, 'ttft'))
    const total = seconds(await metric(card, 'total'))
    if (!Number.isNaN(ttft)) expect(total, `sample ${sample}`).toBeGreaterThanOrEqual(ttft)
    await page.waitForTimeout(40)
  }

  // Mid-stream: a running, estimated count, speed and cost.
  await expect(card.locator('[data-metric="speed"]')).toHaveText(/^≈ [\d.]+ tok\/s$/)
  await expect(card).toHaveAttribute('data-status', 'streaming')
  const tokens = await metric(card, 'tokens')
  const [, tokensIn, tokensOut] = /^≈ ([\d,]+) → ([\d,]+)$/.exec(tokens) ?? []
  expect(Number(tokensIn)).toBeGreaterThan(0)
  expect(Number(tokensOut)).toBeGreaterThan(0)
  expect(await metric(card, 'cost')).toMatch(/^≈ \$0\.\d+$/)
  // The count grows as the answer does.
  await expect
    .poll(async () => Number(/→ ([\d,]+)$/.exec(await metric(card, 'tokens'))?.[1]))
    .toBeGreaterThan(Number(tokensOut))

  // Ended: the provider's usage, exact, and a cost at its price, without ≈.
  await expect(card).toHaveAttribute('data-status', 'done', { timeout: 20_000 })
  await expect(card.locator('[data-metric="tokens"]')).toHaveText('321 → 654')
  await expect(card.locator('[data-metric="speed"]')).toHaveText(/^[\d.]+ tok\/s$/)
  await expect(card.locator('[data-metric="cost"]')).toHaveText(/^\$0\.\d+$/)
  expect(seconds(await metric(card, 'total'))).toBeGreaterThanOrEqual(
    seconds(await metric(card, 'ttft')),
  )
})

test('a comparison column shows its live figures in the head while it streams', async () => {
  const { page, openai } = h
  await h.addOpenAI()
  await h.open('#/compare')
  await pickModel(page, 'column-model-1', 'gpt-4.1-mini')
  await pickModel(page, 'column-model-2', 'gpt-4.1-nano')
  const words = Array.from({ length: 60 }, (_, i) => `word${i} `)
  openai.enqueue(
    { text: words, delayMs: 50, usage: { input: 10, output: 100 } },
    { text: words, delayMs: 50, usage: { input: 10, output: 100 } },
  )
  await sendPrompt(page, 'Both slowly')
  const heads = page.getByTestId('run-card-head')
  await expect(heads).toHaveCount(2)
  for (let i = 0; i < 2; i++) {
    await expect(heads.nth(i).locator('[data-metric="tokens"]')).toHaveText(/^≈ [\d,]+ → [1-9]/)
    await expect(heads.nth(i).locator('[data-metric="cost"]')).toHaveText(/^≈ \$/)
  }
  await expect(page.locator('[data-testid="run-card"][data-status="done"]')).toHaveCount(2, {
    timeout: 20_000,
  })
  for (let i = 0; i < 2; i++) {
    await expect(heads.nth(i).locator('[data-metric="tokens"]')).toHaveText('10 → 100')
  }
})
