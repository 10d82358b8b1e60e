import { expect, test } from '@playwright/test'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { migrate } from '../../src/core/database/migrations'
import { pickModel, sendPrompt, startUiHarness, type UiHarness } from './support/ui-harness'

let h: UiHarness | undefined
test.afterEach(async () => {
  await h?.close()
  h = undefined
})

/** ~400 characters of words, so each prompt costs what a real one does to index. */
const FILLER = Array.from({ length: 60 }, (_, i) => `word${(i * 7919) % 1000}`).join(' ')

/** A history database as version 6 (before folding) left it, with `messages` prompts. */
function versionSixHistory(messages: number) {
  return (dataDir: string) => {
    const db = new DatabaseSync(join(dataDir, 'history.sqlite'))
    migrate(db, 0, 6)
    db.exec(`
      INSERT INTO conversations (id, title, created_at, updated_at, mode, title_doc)
        VALUES ('c-old', 'Notes d''avant', 1000, 2000, 'chat', 1);
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${messages})
      INSERT INTO messages (doc, id, conversation_id, role, content, created_at)
        SELECT i + 1, 'm-' || i, 'c-old', 'user', 'Un café numéro ' || i || ' à Zürich. ${FILLER} '
          || CASE i WHEN 1 THEN 'Crème brûlée.' ELSE i * 31 END, 1000 + i
        FROM n;`)
    db.close()
  }
}

test('search finds accented and full-width text as typed, highlighting the original words, and keeps Korean', async () => {
  h = await startUiHarness()
  const { page, openai } = h
  await h.addOpenAI()
  openai.enqueue(
    { text: ['Très ', 'bien.'] },
    { text: ['Full-width ', 'letters.'] },
    { text: ['임베딩 ', '모델을 ', '비교합니다.'] },
  )
  await h.open('#/chat')
  await pickModel(page, 'chat-model-picker', 'gpt-5.4-mini')
  await sendPrompt(page, 'Un café crème à Zürich')
  await expect(page.getByTestId('run-answer')).toHaveText('Très bien.')
  await page.getByRole('button', { name: 'New chat' }).click()
  await sendPrompt(page, 'ＡＢＣ全角')
  await expect(page.getByTestId('run-answer')).toHaveText('Full-width letters.')
  await page.getByRole('button', { name: 'New chat' }).click()
  await sendPrompt(page, '한국어 질문')
  await expect(page.getByTestId('run-answer')).toHaveText('임베딩 모델을 비교합니다.')
  await expect(page.getByTestId('history-item')).toHaveCount(3)

  const search = page.getByTestId('history-search')
  const hits = page.getByTestId('history-hit')
  // Typed without accents, found with them; the marks are on the words as written.
  await search.fill('cafe creme zurich')
  await expect(hits).toHaveCount(1)
  await expect(hits.first().locator('mark')).toHaveText(['café', 'crème', 'Zürich'])
  // Plain letters find full-width ones.
  await search.fill('abc')
  await expect(hits).toHaveCount(1)
  await expect(hits.first().locator('mark')).toHaveText(['ＡＢＣ'])
  // Accents typed find them too; a two-syllable Korean word is still found inside a longer one.
  await search.fill('CAFÉ')
  await expect(hits.first().locator('mark')).toHaveText(['café'])
  await search.fill('모델')
  await expect(hits).toHaveCount(1)
  await expect(hits.first().locator('mark')).toHaveText(['모델'])
  await hits.first().click()
  await expect(page.getByTestId('conversation-title')).toHaveText('한국어 질문')
  // No rebuild is running on a new database: no progress notice.
  await expect(page.getByTestId('search-index-status')).toHaveCount(0)
})

test('an older history is re-indexed in the background with its progress shown, and search works meanwhile', async () => {
  h = await startUiHarness({ prepareDataDir: versionSixHistory(100_000) })
  const { page } = h
  await h.open('#/chat')
  const status = page.getByTestId('search-index-status')
  await expect(status).toHaveText(
    /^Rebuilding the search index: \d+%\. Older items may be missing from results until it finishes\.$/,
  )
  // The app stays usable: the newest items are re-indexed first and found, folded, meanwhile.
  const search = page.getByTestId('history-search')
  const hits = page.getByTestId('history-hit')
  await search.fill('cafe numero 100000 zurich')
  await expect(hits).toHaveCount(1)
  await expect(hits.first().locator('mark')).toHaveText(['café', 'numéro', '100000', 'Zürich'])
  // When it is done the notice goes, and the oldest item is found too.
  await expect(status).toHaveCount(0, { timeout: 60_000 })
  await search.fill('creme brulee')
  await expect(hits.first().locator('mark')).toHaveText(['Crème', 'brûlée'])
  await expect(hits).toHaveCount(1)
})
