import { expect, test, type Page } from '@playwright/test'
import { pickModel, sendPrompt, startUiHarness, type UiHarness } from './support/ui-harness'

let h: UiHarness
test.beforeEach(async () => {
  h = await startUiHarness()
})
test.afterEach(async () => {
  await h?.close()
})

// Names that stay as they are in any language: products, formats, keys on the keyboard.
const NAMES = [
  ...['Parallax', 'OpenAI', 'Anthropic', 'Azure', 'AWS', 'Bedrock', 'Google', 'Gemini', 'Vertex'],
  ...['API', 'URL', 'JSON', 'Markdown', 'AES', 'GCM', 'Node', 'Electron', 'Chromium', 'linux'],
  ...['Ctrl', 'Shift', 'Enter', 'Esc'],
  // A language is named in its own language in the language picker.
  'English',
]

/** Latin words on screen that are not a name, a model, a connection label or model output. */
async function englishLeftovers(page: Page, allowed: string[]): Promise<string[]> {
  let text = await page.evaluate(() => document.body.innerText)
  for (const phrase of [...allowed].sort((a, b) => b.length - a.length)) {
    text = text.replaceAll(phrase, ' ')
  }
  // Addresses, paths and the last 4 characters of saved keys are not words.
  text = text.replace(/https?:\/\/\S+|\/[\w./-]+|•+\s*\S{1,4}/g, ' ')
  return [...new Set(text.match(/[A-Za-z]{3,}/g) ?? [])].filter((w) => !NAMES.includes(w))
}

test('after switching to Korean, no English is left on the main screens', async () => {
  const { page, openai, anthropic } = h
  await h.addOpenAI('업무용 OpenAI')
  await h.addAnthropic('업무용 Anthropic')
  const { connections } = await h.rpc<{ connections: { id: string }[] }>('connections.list', {})
  const models = []
  for (const { id } of connections) {
    const list = await h.rpc<{ models: { id: string; label: string }[] }>('models.list', {
      connectionId: id,
    })
    models.push(...list.models)
  }
  const allowed = [
    ...models.flatMap((m) => [m.id, m.label]),
    'OpenAI-compatible',
    // Command-line options and environment variables are typed as they are.
    '--data-dir',
    'PARALLAX_DATA_DIR',
    h.app.dataDir,
    // A folder's name on disk, as the person will find it.
    'backups',
  ]
  openai.enqueue({ text: ['모델을 ', '비교한 ', '답입니다.'] }, { text: ['첫 번째 ', '답.'] })
  anthropic.enqueue({ text: ['두 번째 ', '답.'] })

  await h.open('#/settings')
  await page.getByRole('radio', { name: '한국어' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('설정')
  expect(await englishLeftovers(page, allowed)).toEqual([])

  await page.getByRole('button', { name: '새 채팅' }).click()
  await pickModel(page, 'chat-model-picker', 'gpt-5.4-mini')
  await sendPrompt(page, '모델 비교')
  await expect(page.getByTestId('run-card')).toHaveAttribute('data-status', 'done')
  expect(await englishLeftovers(page, allowed)).toEqual([])
  // Money and seconds in the Korean way: "US$0.00002", "0.42초".
  const metrics = page.getByTestId('run-metrics')
  await expect(metrics.locator('[data-metric="ttft"]')).toHaveText(/^[\d.]+초$/)
  await expect(metrics.locator('[data-metric="total"]')).toHaveText(/^[\d.]+초$/)
  await expect(metrics.locator('[data-metric="cost"]')).toHaveText(/^(약 )?US\$[\d.]+$/)

  await page.getByRole('button', { name: '비교', exact: true }).click()
  await pickModel(page, 'column-model-1', 'gpt-5.4-mini')
  await pickModel(page, 'column-model-2', 'claude-sonnet-5-5')
  expect(await englishLeftovers(page, allowed)).toEqual([])
  await sendPrompt(page, '둘 다 답해 주세요')
  await expect(page.locator('[data-testid="run-card"][data-status="done"]')).toHaveCount(2)
  expect(await englishLeftovers(page, allowed)).toEqual([])

  await page.getByTestId('history-search').fill('모델')
  await expect(page.getByTestId('history-hit').first()).toBeVisible()
  expect(await englishLeftovers(page, allowed)).toEqual([])
  await page.getByTestId('history-search').fill('')

  for (const section of ['연결', '사용량']) {
    await page.getByRole('button', { name: section, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    expect(await englishLeftovers(page, [...allowed, '업무용 OpenAI', '업무용 Anthropic'])).toEqual(
      [],
    )
  }
  await expect(page.getByTestId('usage-total-cost').locator('dd').first()).toHaveText(
    /^(약 )?US\$[\d.,]+$/,
  )
})
