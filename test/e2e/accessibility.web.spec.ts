import { expect, test, type Locator } from '@playwright/test'
import { demoAnswer } from '../fakes/demo-answer'
import { setFallbackScript } from '../fakes/script-queue'
import { describeFindings, seriousAxeFindings, type AxeFinding } from './support/axe'
import { pickModel, sendPrompt, startUiHarness, type UiHarness } from './support/ui-harness'

// axe-core on every main screen, light and dark, in English at 1440×900 and in Korean at
// 1024×700: no serious or critical finding is allowed, and no skipped heading level (a moderate
// rule, but one a screen reader's outline depends on). One harness per language; each screen is
// checked in both colour schemes before the tour moves on.
test.describe.configure({ timeout: 240_000 })

const mod = process.platform === 'darwin' ? 'Meta' : 'Control'

const TOURS = [
  {
    language: 'English',
    locale: 'en-US',
    viewport: { width: 1440, height: 900 },
    compareButton: 'Compare',
    chatPrompt: 'How do I stream a completion in TypeScript?',
    comparePrompt: 'Summarise the trade-offs of SQLite WAL mode',
    search: 'stream',
  },
  {
    language: 'Korean',
    locale: 'ko-KR',
    viewport: { width: 1024, height: 700 },
    compareButton: '비교',
    chatPrompt: 'TypeScript에서 답변을 스트리밍하는 방법',
    comparePrompt: 'SQLite WAL 모드의 장단점을 요약하세요',
    search: '스트리밍',
  },
] as const

for (const tour of TOURS) {
  const size = `${tour.viewport.width}×${tour.viewport.height}`
  test(`every main screen has no serious or critical axe finding (${tour.language}, ${size}, light and dark)`, async () => {
    setFallbackScript(demoAnswer)
    const h: UiHarness = await startUiHarness({ locale: tour.locale })
    const found: string[] = []
    const check = async (screen: string, shown: Locator) => {
      await expect(shown).toBeVisible()
      for (const colorScheme of ['light', 'dark'] as const) {
        await h.page.emulateMedia({ colorScheme })
        expect(
          await h.page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches),
        ).toBe(colorScheme === 'dark')
        const findings: AxeFinding[] = await seriousAxeFindings(h.page, ['heading-order'])
        if (findings.length > 0)
          found.push(`${screen} (${colorScheme}):\n${describeFindings(findings)}`)
      }
      await h.page.emulateMedia({ colorScheme: 'light' })
    }
    try {
      const { page } = h
      await page.setViewportSize(tour.viewport)
      await h.open()
      await check('welcome (no connections)', page.getByTestId('welcome'))

      await h.addOpenAI('OpenAI — work')
      await h.addAnthropic('Anthropic — personal')
      await h.open('#/chat')
      await page.reload()
      await check('chat (empty)', page.getByTestId('prompt-input'))

      await page.getByTestId('chat-model-picker').click()
      await check('model picker open', page.getByTestId('model-option').first())
      await page.keyboard.press('Escape')
      await pickModel(page, 'chat-model-picker', 'gpt-5.4-mini')

      await page.getByTestId('toggle-parameters').click()
      await check('parameters open', page.getByTestId('parameters-panel'))
      await page.getByTestId('toggle-parameters').click()

      await sendPrompt(page, tour.chatPrompt)
      const done = page.locator('[data-testid="run-card"][data-status="done"]')
      await expect(done).toHaveCount(1, { timeout: 30_000 })
      await check('chat with an answer', done)

      await page.getByRole('button', { name: tour.compareButton, exact: true }).click()
      await pickModel(page, 'column-model-1', 'gpt-5.4-mini')
      await pickModel(page, 'column-model-2', 'claude-sonnet-5-5')
      await sendPrompt(page, tour.comparePrompt)
      await expect(done).toHaveCount(2, { timeout: 30_000 })
      await check('compare with 2 answers', page.getByTestId('compare-summary'))
      await page.getByTestId('follow-up-toggle').click()
      await check('compare with the follow-up models shown', page.getByTestId('follow-up-list'))

      await page.getByTestId('history-item').filter({ hasText: tour.chatPrompt }).click()
      await expect(done).toHaveCount(1)
      await check('reopened conversation', done)

      await page.getByTestId('history-search').fill(tour.search)
      await check('history search results', page.getByTestId('history-hit').first())
      await page.getByTestId('history-search').fill('')

      await h.open('#/connections')
      await check('connections list', page.getByTestId('connection-row').first())
      await page.getByTestId('add-connection').click()
      await check('connection form (new)', page.getByTestId('connection-form'))

      await h.open('#/settings')
      await check('settings', page.getByTestId('settings-screen'))
      await h.open('#/usage')
      await check('usage', page.getByTestId('usage-screen'))

      await page.locator('body').press('?')
      await check('shortcuts help', page.getByTestId('shortcuts-help'))
      await page.keyboard.press('Escape')
      await page.locator('body').press(`${mod}+k`)
      await check('command palette', page.getByTestId('command-palette'))
    } finally {
      setFallbackScript(null)
      await h.close()
    }
    expect(
      found,
      `serious or critical axe findings (${tour.language}, ${size}):\n${found.join('\n')}`,
    ).toEqual([])
  })
}
