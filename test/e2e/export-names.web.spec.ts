import { expect, test, type Download, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { pickModel, sendPrompt, startUiHarness, type UiHarness } from './support/ui-harness'

let h: UiHarness
test.beforeEach(async () => {
  h = await startUiHarness()
})
test.afterEach(async () => {
  await h?.close()
})

/** `YYYY-MM-DD-HHMM` in local time, as the host names exports (it runs on this machine). */
function localStamp(date: Date): string {
  const two = (value: number) => String(value).padStart(2, '0')
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}-${two(date.getHours())}${two(date.getMinutes())}`
}

async function download(page: Page, click: () => Promise<void>): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()])
  return file
}

test('exports are named for the conversation or "all" and the time; Markdown keeps versions, parameters and metrics', async () => {
  const { page, openai } = h
  await h.addOpenAI()
  openai.enqueue(
    { text: ['첫 답변입니다.'] },
    { text: ['Answer to the edited prompt.'] },
    { text: ['Another conversation.'] },
  )
  await h.open('#/chat')
  await pickModel(page, 'chat-model-picker', 'gpt-4.1-mini')
  await page.getByTestId('toggle-parameters').click()
  const temperature = page.getByTestId('param-temperature').getByRole('spinbutton')
  await temperature.fill('0.3')
  await temperature.blur()
  await sendPrompt(page, '연구 여행 계획: 서울/부산?')
  await expect(page.getByTestId('run-answer')).toHaveText('첫 답변입니다.')

  // Edit the prompt: a second version of the same turn.
  const message = page.getByTestId('user-message')
  await message.getByRole('button', { name: 'Edit' }).click()
  await message.getByRole('textbox').fill('Plan the trip <b>now</b>')
  await message.getByRole('button', { name: 'Send as new version' }).click()
  await expect(page.getByTestId('run-answer')).toHaveText('Answer to the edited prompt.')
  await expect(page.getByTestId('run-card')).toHaveAttribute('data-status', 'done')

  await page.getByRole('button', { name: 'New chat' }).click()
  await sendPrompt(page, 'Second conversation')
  await expect(page.getByTestId('run-answer')).toHaveText('Another conversation.')
  await expect(page.getByTestId('history-item')).toHaveCount(2)

  const before = Date.now()
  const item = page.getByTestId('history-item').filter({ hasText: '연구 여행 계획' })
  const one = await download(page, async () => {
    await item.getByRole('button', { name: /More actions/ }).click()
    await page.getByRole('menuitem', { name: 'Export as Markdown' }).click()
  })
  const all = await download(page, () => page.getByRole('button', { name: 'Export all' }).click())
  const stamps = new Set([localStamp(new Date(before)), localStamp(new Date())])

  // Named by scope and local time: the title (Korean kept, `:` and `/` gone) or "all".
  const oneName = /^parallax-연구-여행-계획-서울-부산-(\d{4}-\d{2}-\d{2}-\d{4})\.md$/.exec(
    one.suggestedFilename(),
  )
  const allName = /^parallax-history-all-(\d{4}-\d{2}-\d{2}-\d{4})\.json$/.exec(
    all.suggestedFilename(),
  )
  expect(oneName, one.suggestedFilename()).not.toBeNull()
  expect(allName, all.suggestedFilename()).not.toBeNull()
  expect(stamps).toContain(oneName?.[1])
  expect(stamps).toContain(allName?.[1])
  expect(one.suggestedFilename()).not.toBe(all.suggestedFilename())
  await expect(
    page.getByRole('status').filter({ hasText: 'Exported parallax-history-all-' }),
  ).toBeVisible()

  const markdown = readFileSync((await one.path()) ?? '', 'utf8')
  // One turn for the edited prompt, with the first version folded under it.
  expect(markdown.match(/^## You/gm)).toHaveLength(1)
  expect(markdown).toMatch(/^## You \(version 2 of 2, edited\) · /m)
  expect(markdown).toContain('Plan the trip &lt;b>now&lt;/b>')
  const fold = markdown.slice(markdown.indexOf('<details><summary>Earlier versions'))
  expect(fold).toMatch(
    /^[^]*\*\*Version 1 of 2 · [^]*연구 여행 계획: 서울\/부산\?[^]*첫 답변입니다\.[^]*<\/details>/,
  )
  // Each answer with its connection, metrics and the parameter that was set.
  expect(markdown).toMatch(/^### gpt-4\.1-mini \(openai\)$/m)
  expect(markdown).toContain('- Connection: OpenAI — work')
  expect(markdown).toMatch(/^- Metrics: first token \d+ ms · total [^\n]*tokens \d+ in, \d+ out/m)
  expect(markdown).toMatch(/^- Metrics: [^\n]* cost ~?\$\d/m)
  expect(markdown.match(/^- Parameters: temperature 0\.3$/gm)).toHaveLength(2)
  expect(markdown).not.toContain('Second conversation')

  const everything = readFileSync((await all.path()) ?? '', 'utf8')
  expect(everything).toContain('Second conversation')
  expect(everything).toContain('Plan the trip <b>now</b>')
})

test('a Markdown export from the Korean UI is worded in Korean', async () => {
  await h.close()
  h = await startUiHarness({ locale: 'ko-KR' })
  const { page, openai } = h
  await h.addOpenAI()
  openai.enqueue({ text: ['첫 답변입니다.'] })
  await h.open('#/chat')
  await pickModel(page, 'chat-model-picker', 'gpt-4.1-mini')
  await sendPrompt(page, '여행 계획')
  await expect(page.getByTestId('run-card')).toHaveAttribute('data-status', 'done')

  const item = page.getByTestId('history-item').filter({ hasText: '여행 계획' })
  const file = await download(page, async () => {
    await item.getByRole('button', { name: /작업 더 보기/ }).click()
    await page.getByRole('menuitem', { name: 'Markdown으로 내보내기' }).click()
  })
  const markdown = readFileSync((await file.path()) ?? '', 'utf8')
  expect(markdown).toMatch(/^_모드: 채팅 · 만든 시각: /m)
  expect(markdown).toMatch(/^## 나 · /m)
  expect(markdown).toMatch(/^- 지표: 첫 토큰 \d+ms · 총 시간 /m)
  for (const english of ['Mode:', '## You', 'Metrics:', 'first token'])
    expect(markdown).not.toContain(english)
})
