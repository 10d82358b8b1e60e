import { expect, test } from '@playwright/test'
import { setFallbackScript } from '../fakes/script-queue'
import { openaiRequestTokens } from './support/openai-request-tokens'
import { solidPng } from './support/solid-png'
import { pickModel, sendPrompt, startUiHarness, type UiHarness } from './support/ui-harness'

/**
 * How close the ≈ estimate must be to the input tokens the request really sent. The fake reports
 * what the body it received costs by OpenAI's recipe (see support/openai-request-tokens.ts);
 * Parallax estimates text as characters ÷ 4, so the two differ a little on text alone.
 */
const MARGIN = 0.1

const SYSTEM =
  'You are a careful assistant. Answer in plain English, in short paragraphs, and say so when you are not sure of something.'
const FIRST =
  'I am planning a week of walking in the hills in late autumn. What should I pack, and how should I plan the days so that I am never caught out after dark?'
const SECOND = 'And what about this map? Is the route sensible?'

let h: UiHarness
test.beforeEach(async () => {
  h = await startUiHarness()
  // Every request reports as its input tokens what its own body costs.
  setFallbackScript((ask) => ({
    text: ['Pack layers, a torch and a map; plan to be down by mid-afternoon.'],
    usage: { input: openaiRequestTokens(ask.body), output: 14 },
  }))
})
test.afterEach(async () => {
  setFallbackScript(null)
  await h?.close()
})

/** The shown estimate once the host has answered for what is typed now. */
async function hostEstimate(page: UiHarness['page']): Promise<number> {
  const estimate = page.getByTestId('prompt-estimate')
  await expect(estimate).toHaveAttribute('data-source', 'host')
  await expect(estimate).toHaveAttribute('data-pending', 'false')
  return Number(await estimate.getAttribute('data-tokens'))
}

test('the estimate of a second turn with an image counts history, and matches what was sent', async () => {
  const { page } = h
  await h.addOpenAI()
  await h.open('#/chat')
  await pickModel(page, 'chat-model-picker', 'gpt-4.1-mini')
  await page.getByTestId('toggle-parameters').click()
  await page.getByTestId('param-system').locator('textarea').fill(SYSTEM)
  await sendPrompt(page, FIRST)
  await expect(page.getByTestId('run-answer')).toHaveText(/Pack layers/)
  await expect(page.getByTestId('run-metrics').locator('[data-metric="tokens"]')).not.toHaveText(
    '—',
  )

  await page.getByTestId('image-file').setInputFiles({
    name: 'map.png',
    mimeType: 'image/png',
    buffer: solidPng(1024, 768),
  })
  await expect(page.getByTestId('composer-image')).toHaveCount(1)
  await page.getByTestId('prompt-input').fill(SECOND)
  const estimate = await hostEstimate(page)
  await expect(page.getByTestId('prompt-estimate')).toHaveText(
    new RegExp(`^≈ ${estimate.toLocaleString('en-US')} tokens · ≈ \\$`),
  )
  // More than the new text with its image: the system prompt and the first turn are in it.
  const textAlone = Math.ceil(SECOND.length / 4) + 4
  const imageTiles = 85 + 170 * 4
  expect(estimate).toBeGreaterThan(textAlone + imageTiles + Math.ceil(FIRST.length / 4))

  await page.getByTestId('prompt-input').press('Enter')
  await expect(page.getByTestId('run-card')).toHaveCount(2)
  const tokens = page.getByTestId('run-metrics').nth(1).locator('[data-metric="tokens"]')
  await expect(tokens).toHaveText(/^[\d,]+ → 14$/)
  const sent = Number((await tokens.textContent())?.split(' → ')[0]?.replaceAll(',', ''))
  // What the fake received is what it reported.
  expect(sent).toBe(openaiRequestTokens(h.openai.requests.at(-1)?.json))
  expect(Math.abs(estimate - sent) / sent).toBeLessThanOrEqual(MARGIN)
})

test('a comparison with an image shows each column’s own count, by its provider’s image rule', async () => {
  const { page } = h
  await h.addOpenAI()
  await h.addAnthropic()
  await h.open('#/compare')
  await pickModel(page, 'column-model-1', 'gpt-4.1-mini')
  await pickModel(page, 'column-model-2', 'claude-sonnet-5-5')
  await page.getByTestId('image-file').setInputFiles({
    name: 'map.png',
    mimeType: 'image/png',
    buffer: solidPng(1024, 768),
  })
  await page.getByTestId('prompt-input').fill('What is on this map?')
  await hostEstimate(page)
  // OpenAI: 4 tiles, 765 tokens; Anthropic: 1024 × 768 / 750, 1049 tokens; the text the same.
  const [openai, claude] = (
    (await page.getByTestId('prompt-estimate').getAttribute('data-tokens')) ?? ''
  )
    .split(' ')
    .map(Number)
  expect((claude ?? 0) - (openai ?? 0)).toBe(1049 - 765)
  await expect(page.getByTestId('prompt-estimate')).toHaveText(
    new RegExp(
      `^GPT-4\\.1 mini: ≈ ${openai} tokens, .* · Claude Sonnet 5\\.5: ≈ ${claude?.toLocaleString('en-US')} tokens, `,
    ),
  )
})
