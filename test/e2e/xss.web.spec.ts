import { expect, test } from '@playwright/test'
import { createServer, type Server } from 'node:http'
import { pickModel, sendPrompt, startUiHarness, type UiHarness } from './support/ui-harness'

// Model output is untrusted. Every payload comes from a fake provider exactly as a model would
// send it, streamed in small pieces, and must neither run nor fetch anything.
const PAYLOADS = [
  '<script>window.__xss = 1</script>',
  '<img src=x onerror="window.__xss = 2">',
  '<svg onload="window.__xss = 3"><circle r="4"/></svg>',
  '<iframe src="javascript:window.__xss = 4"></iframe>',
  '<iframe srcdoc="<script>parent.__xss = 5</script>"></iframe>',
  '[click me](javascript:window.__xss=6)',
  '[click me too](JaVaScRiPt:window.__xss=7)',
  '[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![pixel](TRACKER/pixel.png)',
  '![x](x" onerror="window.__xss=8)',
  '<a href="javascript:window.__xss=9">html link</a>',
  '<details open ontoggle="window.__xss=10">x</details>',
  '<object data="javascript:window.__xss=11"></object>',
  '<embed src="javascript:window.__xss=12">',
  '<form action="javascript:window.__xss=13"><button>go</button></form>',
  '<style>body { display: none }</style>',
  '<math><mi xlink:href="javascript:window.__xss=14">m</mi></math>',
  '<javascript:window.__xss=15>',
  '[ref]: javascript:window.__xss=16\n\n[ref]',
  '<div style="background:url(TRACKER/bg.png)">styled</div>',
  '```html\n<script>window.__xss = 17</script>\n```',
  'A [real link](https://example.com/docs) to check.',
]

let h: UiHarness
let tracker: Server
let trackerHits: string[]
let trackerUrl: string

test.beforeEach(async () => {
  trackerHits = []
  tracker = createServer((req, res) => {
    trackerHits.push(req.url ?? '')
    res.end()
  })
  await new Promise<void>((resolve) => tracker.listen(0, '127.0.0.1', resolve))
  const address = tracker.address()
  trackerUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  h = await startUiHarness()
})
test.afterEach(async () => {
  await h?.close()
  await new Promise((resolve) => tracker.close(resolve))
})

test('known XSS payloads in a model answer render inert, and links ask first', async () => {
  const { page, openai } = h
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await h.addOpenAI()
  const answer = PAYLOADS.map((p) => p.replaceAll('TRACKER', trackerUrl)).join('\n\n')
  // Split mid-tag, the way a real stream does.
  const pieces = answer.match(/[\s\S]{1,7}/g) ?? []
  openai.enqueue({ text: pieces, delayMs: 1 })
  await h.open('#/chat')
  await pickModel(page, 'chat-model-picker', 'gpt-5.4-mini')
  await sendPrompt(page, 'Say something dangerous')

  const card = page.getByTestId('run-card')
  await expect(card).toHaveAttribute('data-status', 'done')
  const body = card.getByTestId('run-answer')
  await expect(body).toContainText('A real link to check.')

  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()
  expect(dialogs).toEqual([])
  for (const tag of [
    'script',
    'iframe',
    'svg',
    'object',
    'embed',
    'form',
    'style',
    'math',
    'img',
  ]) {
    await expect(body.locator(tag), tag).toHaveCount(0)
  }
  const attributes = await body.evaluate((root) =>
    [...root.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].map((a) => `${a.name}=${a.value}`),
    ),
  )
  expect(attributes.filter((a) => /^on/i.test(a))).toEqual([])
  expect(attributes.filter((a) => /^style=/i.test(a))).toEqual([])
  const hrefs = await body
    .locator('a')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
  expect(hrefs.every((href) => href.startsWith('https://'))).toBe(true)
  // The HTML shows as text, the code block keeps its script as text.
  await expect(body.locator('code').filter({ hasText: '__xss = 17' })).toHaveCount(1)

  // A link opens only after its full address was shown, and only when the person says so.
  await body.getByText('real link').click()
  const confirm = page.getByTestId('markdown-link-dialog')
  await expect(confirm).toBeVisible()
  await expect(page.getByTestId('markdown-link-url')).toHaveText('https://example.com/docs')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(confirm).toBeHidden()
  expect(page.context().pages()).toHaveLength(1)

  // Nothing reached the network: no tracking pixel, no background image.
  await page.waitForTimeout(300)
  expect(trackerHits).toEqual([])
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()
})
