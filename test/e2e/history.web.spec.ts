import { expect, test } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { pickModel, sendPrompt, startUiHarness, type UiHarness } from './support/ui-harness'

let h: UiHarness
test.beforeEach(async () => {
  h = await startUiHarness()
})
test.afterEach(async () => {
  await h?.close()
})

test('search history in Korean, export everything, delete, and import it back once', async () => {
  const { page, openai } = h
  await h.addOpenAI()
  openai.enqueue(
    { text: ['임베딩 ', '모델을 ', '비교하면 ', '이렇습니다.'] },
    { text: ['English ', 'answer ', 'about ', 'vectors.'] },
  )
  await h.open('#/chat')
  await pickModel(page, 'chat-model-picker', 'gpt-5.4-mini')
  await sendPrompt(page, '한국어 질문입니다')
  await expect(page.getByTestId('run-card')).toHaveAttribute('data-status', 'done')
  await page.getByRole('button', { name: 'New chat' }).click()
  await sendPrompt(page, 'An English question')
  await expect(page.getByTestId('run-answer')).toHaveText('English answer about vectors.')
  await expect(page.getByTestId('history-item')).toHaveCount(2)

  // 모델 only appears inside 모델을: found, and highlighted.
  const search = page.getByTestId('history-search')
  await search.fill('모델')
  const hit = page.getByTestId('history-hit')
  await expect(hit).toHaveCount(1)
  await expect(hit.locator('mark')).toHaveText(['모델'])
  await hit.click()
  await expect(page.getByTestId('conversation-title')).toHaveText('한국어 질문입니다')
  await search.fill('vectors')
  await expect(page.getByTestId('history-hit')).toHaveCount(1)
  await search.fill('없는단어')
  await expect(page.getByTestId('history-hit')).toHaveCount(0)
  await search.fill('')

  // Export everything.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export all' }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^parallax-history-.*\.json$/)
  const exported = readFileSync((await download.path()) ?? '', 'utf8')
  expect(exported).toContain('모델을')
  expect(exported).not.toContain('fakeOpenAIKey')

  // Delete one, then import the export: it comes back; a second import adds nothing.
  const korean = page.getByTestId('history-item').filter({ hasText: '한국어 질문입니다' })
  await korean.getByRole('button', { name: /More actions/ }).click()
  await page.getByRole('menuitem', { name: 'Delete…' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click()
  await expect(page.getByTestId('history-item')).toHaveCount(1)

  const file = { name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(exported) }
  await page.getByTestId('history-import-file').setInputFiles(file)
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText(
    'Imported 1 conversation (1 already there)',
  )
  await expect(page.getByTestId('history-item')).toHaveCount(2)
  await page.getByTestId('history-import-file').setInputFiles(file)
  await expect(page.getByRole('status').filter({ hasText: 'Nothing new' })).toContainText(
    'Nothing new to import (2 already there)',
  )
  await expect(page.getByTestId('history-item')).toHaveCount(2)

  // A broken file is refused with the reason, and nothing is lost.
  await page.getByTestId('history-import-file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "something else"}'),
  })
  await expect(page.getByRole('status').filter({ hasText: 'Import failed' })).toBeVisible()
  await expect(page.getByTestId('history-item')).toHaveCount(2)
})
