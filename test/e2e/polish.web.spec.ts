import { expect, test, type Locator, type Page } from '@playwright/test'
import { pickModel, startUiHarness, type UiHarness } from './support/ui-harness'

// The smaller things of "Daily driver I": attach image, picker labels, the welcome icon, one
// button text size, the IAM policy's padding and where the "Exported …" notice lives.

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
] as const

// A real 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)

interface Box {
  x: number
  y: number
  width: number
  height: number
}

function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox()
  expect(box, 'element is laid out').not.toBeNull()
  return box as Box
}

/** The box of an element's text itself (not its element's box, which includes the icon). */
async function textBox(locator: Locator): Promise<Box> {
  return locator.evaluate((element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
    const range = document.createRange()
    const first = walker.nextNode()
    if (!first) throw new Error('no text')
    range.selectNodeContents(first)
    const rect = range.getBoundingClientRect()
    return { x: rect.x, y: rect.y, width: rect.width, height: rect.height }
  })
}

async function fontSize(locator: Locator): Promise<string> {
  return locator.evaluate((element) => getComputedStyle(element).fontSize)
}

let h: UiHarness
test.beforeEach(async () => {
  h = await startUiHarness()
})
test.afterEach(async () => {
  await h?.close()
})

for (const size of SIZES) {
  test(`attach image is off with the reason for a model without image input, on for one with it (${size.width}×${size.height})`, async () => {
    const { page } = h
    await page.setViewportSize(size)
    await h.addOpenAI()
    await h.open('#/chat')

    await pickModel(page, 'chat-model-picker', 'o3-mini')
    const attach = page.getByTestId('attach-image')
    await expect(attach).toHaveAttribute('aria-disabled', 'true')
    // The reason reaches a screen reader (description) and the eye (tooltip on hover and focus).
    await expect(attach).toHaveAccessibleDescription(/o3-mini takes no images/)
    const tip = page.getByTestId('attach-image-reason')
    await expect(tip).toBeHidden()
    await attach.hover()
    await expect(tip).toBeVisible()
    await expect(tip).toContainText('o3-mini')
    expect(intersects(await boxOf(tip), { x: 0, y: 0, ...size })).toBe(true)
    await page.mouse.move(size.width / 2, 5)
    await expect(tip).toBeHidden()
    await page.getByTestId('prompt-input').focus()
    await page.keyboard.press('Tab')
    await expect(attach).toBeFocused()
    await expect(tip).toBeVisible()

    // A drop or paste is still refused, with the reason.
    await page.getByTestId('image-file').setInputFiles({
      name: 'dot.png',
      mimeType: 'image/png',
      buffer: PNG,
    })
    await expect(page.getByTestId('image-error')).toContainText('o3-mini takes no images')

    // A model with image input: the button is on, and the old refusal is gone.
    await pickModel(page, 'chat-model-picker', 'gpt-4o-mini')
    await expect(attach).not.toHaveAttribute('aria-disabled', 'true')
    await expect(page.getByTestId('attach-image-reason')).toHaveCount(0)
    await expect(page.getByTestId('image-error')).toHaveCount(0)
    await page.getByTestId('image-file').setInputFiles({
      name: 'dot.png',
      mimeType: 'image/png',
      buffer: PNG,
    })
    await expect(page.getByTestId('composer-image')).toHaveCount(1)
  })
}

test('picker rows say which price is input and which output, and what the limits are', async () => {
  const { page } = h
  await h.addOpenAI()
  await h.open('#/chat')
  await page.getByTestId('chat-model-picker').click()
  const row = page.locator('[data-testid="model-option"][data-model="gpt-4.1-mini"]').first()
  await expect(row).toContainText('in $0.40 · out $1.60 per 1M tokens')
  await expect(row).toContainText('1.05M context')
  await expect(row).toContainText('33K max output')
  await expect(row).not.toContainText('ctx')
})

for (const size of SIZES) {
  test(`the welcome lock icon sits beside "Bring your own key", not over it (${size.width}×${size.height})`, async () => {
    const { page } = h
    await page.setViewportSize(size)
    await h.open()
    const heading = page.getByRole('heading', { name: 'Bring your own key' })
    const icon = page.getByTestId('welcome-byok-icon')
    await expect(icon).toBeVisible()
    const iconBox = await boxOf(icon)
    expect(iconBox.width).toBeGreaterThan(0)
    expect(intersects(iconBox, await textBox(heading))).toBe(false)
  })
}

test('New chat, Compare and Parameters use the same button text size as every other button', async () => {
  const { page } = h
  await h.addOpenAI()
  await h.open('#/chat')
  const common = await fontSize(page.getByTestId('send'))
  const named = (name: string) => page.getByRole('button', { name, exact: true })
  for (const button of [
    named('New chat'),
    named('Compare'),
    named('Parameters'),
    named('Attach image'),
    named('Export all'),
    named('Connections'),
    named('Settings'),
  ]) {
    expect(await fontSize(button), await button.innerText()).toBe(common)
  }
})

for (const size of SIZES) {
  test(`the IAM policy text keeps its padding inside the border (${size.width}×${size.height})`, async () => {
    const { page } = h
    await page.setViewportSize(size)
    await h.open('#/connections')
    await page.getByRole('button', { name: 'Add connection' }).first().click()
    await page.getByRole('radio', { name: /Bedrock/ }).check()
    const policy = page.getByTestId('bedrock-policy').locator('pre')
    await policy.scrollIntoViewIfNeeded()
    const fit = await policy.evaluate((pre) => {
      const style = getComputedStyle(pre)
      const box = pre.getBoundingClientRect()
      const left = box.left + pre.clientLeft + parseFloat(style.paddingLeft)
      const right = box.left + pre.clientLeft + pre.clientWidth - parseFloat(style.paddingRight)
      const range = document.createRange()
      range.selectNodeContents(pre)
      const lines = [...range.getClientRects()]
      return {
        padding: [style.paddingLeft, style.paddingRight, style.paddingTop].map(parseFloat),
        scrolls: pre.scrollWidth > pre.clientWidth,
        outside: lines.filter((r) => r.width > 0 && (r.left < left - 0.5 || r.right > right + 0.5))
          .length,
      }
    })
    for (const padding of fit.padding) expect(padding).toBeGreaterThanOrEqual(10)
    // No line runs under the border, and none needs sideways scrolling.
    expect(fit.scrolls).toBe(false)
    expect(fit.outside).toBe(0)
  })
}

test('"Exported …" stays on the page where it was made and is gone on the next page', async () => {
  const { page } = h
  await h.addOpenAI()
  await h.open('#/chat')
  const status = page.getByTestId('history-sidebar').getByRole('status')

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export all', exact: true }).click()
  await download
  await expect(status).toContainText('Exported')

  await goTo(page, 'Settings')
  await expect(page).toHaveURL(/#\/settings$/)
  await expect(status).toHaveText('')
  await goTo(page, 'Usage')
  await expect(status).toHaveText('')
})

async function goTo(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click()
}
