import { expect, test } from '@playwright/test'
import { pickModel, sendPrompt, startUiHarness, type UiHarness } from './support/ui-harness'

let h: UiHarness
test.beforeEach(async () => {
  h = await startUiHarness()
})
test.afterEach(async () => {
  await h?.close()
})

// A real 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)

test('an image goes to a vision model in the provider’s own format, and is refused for one without', async () => {
  const { page, anthropic, openai } = h
  await h.addAnthropic()
  await h.addOpenAI()
  await h.open('#/chat')

  // A model without vision: attaching is refused with the reason.
  await pickModel(page, 'chat-model-picker', 'o3-mini')
  await page.getByTestId('image-file').setInputFiles({
    name: 'dot.png',
    mimeType: 'image/png',
    buffer: PNG,
  })
  await expect(page.getByTestId('image-error')).toContainText('takes no images')
  await expect(page.getByTestId('composer-image')).toHaveCount(0)

  // A vision model takes it: thumbnail, then the request carries it as Anthropic's image block.
  await pickModel(page, 'chat-model-picker', 'claude-sonnet-5-5')
  await page.getByTestId('image-file').setInputFiles({
    name: 'dot.png',
    mimeType: 'image/png',
    buffer: PNG,
  })
  await expect(page.getByTestId('composer-image')).toHaveCount(1)
  await expect(page.getByTestId('composer-image').locator('img')).toHaveAttribute('alt', 'dot.png')
  anthropic.enqueue({ text: ['A single pixel.'] })
  await sendPrompt(page, 'What is in this image?')
  await expect(page.getByTestId('run-answer')).toHaveText('A single pixel.')
  const body = anthropic.requests.at(-1)?.json as {
    messages: { role: string; content: { type: string; source?: unknown; text?: string }[] }[]
  }
  const content = body.messages.at(-1)?.content ?? []
  expect(content).toContainEqual({
    type: 'image',
    source: { type: 'base64', media_type: 'image/png', data: PNG.toString('base64') },
  })
  expect(content).toContainEqual(
    expect.objectContaining({ type: 'text', text: 'What is in this image?' }),
  )
  await expect(page.getByTestId('composer-image')).toHaveCount(0)

  // The prompt keeps its image in history: shown after a reload.
  await page.reload()
  await expect(page.getByTestId('user-message').locator('img')).toHaveCount(1)
  expect(openai.requests.filter((r) => r.url.includes('chat/completions'))).toHaveLength(0)
})
