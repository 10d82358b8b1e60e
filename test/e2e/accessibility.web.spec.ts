import { expect, test, type Locator } from '@playwright/test'
import { demoAnswer } from '../fakes/demo-answer'
import { setFallbackScript } from '../fakes/script-queue'
import { describeFindings, seriousAxeFindings, type AxeFinding } from './support/axe'
import { pickModel, sendPrompt, startUiHarness, type UiHarness } from './support/ui-harness'

// axe-core on every main screen, light and dark: no serious or critical finding is allowed, and
// no skipped heading level (a moderate rule, but one a screen reader's outline depends on).
test.describe.configure({ timeout: 180_000 })

const mod = process.platform === 'darwin' ? 'Meta' : 'Control'

for (const scheme of ['light', 'dark'] as const) {
  test(`every main screen has no serious or critical axe finding (${scheme})`, async () => {
    setFallbackScript(demoAnswer)
    const h: UiHarness = await startUiHarness({ colorScheme: scheme })
    const found: string[] = []
    const check = async (screen: string, shown: Locator) => {
      await expect(shown).toBeVisible()
      const findings: AxeFinding[] = await seriousAxeFindings(h.page, ['heading-order'])
      if (findings.length > 0) found.push(`${screen}:\n${describeFindings(findings)}`)
    }
    try {
      const { page } = h
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

      await sendPrompt(page, 'How do I stream a completion in TypeScript?')
      const done = page.locator('[data-testid="run-card"][data-status="done"]')
      await expect(done).toHaveCount(1, { timeout: 30_000 })
      await check('chat with an answer', done)

      await page.getByRole('button', { name: 'Compare', exact: true }).click()
      await pickModel(page, 'column-model-1', 'gpt-5.4-mini')
      await pickModel(page, 'column-model-2', 'claude-sonnet-5-5')
      await sendPrompt(page, 'Summarise the trade-offs of SQLite WAL mode')
      await expect(done).toHaveCount(2, { timeout: 30_000 })
      await check('compare with 2 answers', page.getByTestId('compare-summary'))

      await page.getByTestId('history-item').filter({ hasText: 'stream a completion' }).click()
      await expect(done).toHaveCount(1)
      await check('reopened conversation', done)

      await page.getByTestId('history-search').fill('stream')
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
    expect(found, `serious or critical axe findings (${scheme}):\n${found.join('\n')}`).toEqual([])
  })
}
