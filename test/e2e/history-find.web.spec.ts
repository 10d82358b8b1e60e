import { expect, test } from '@playwright/test'
import { describeFindings, seriousAxeFindings } from './support/axe'
import { startUiHarness, type UiHarness } from './support/ui-harness'

let h: UiHarness
test.beforeEach(async () => {
  h = await startUiHarness()
})
test.afterEach(async () => {
  await h?.close()
})

const DAY = 24 * 60 * 60 * 1000
const FILLER = Array.from({ length: 24 }, (_, i) => `Line ${i + 1} of the notes.`).join('\n\n')

/** A conversation in the export format: one run per prompt, all on `provider`/`model`. */
function exported(
  id: string,
  title: string,
  at: number,
  provider: string,
  model: string,
  turns: { prompt: string; answer: string }[],
) {
  const messages = turns.map((turn, i) => ({
    id: `${id}-m${i}`,
    parentId: i === 0 ? null : `${id}-m${i - 1}`,
    parentRunId: i === 0 ? null : `${id}-r${i - 1}`,
    role: 'user' as const,
    content: turn.prompt,
    createdAt: at + i * 60_000,
  }))
  const runs = turns.map((turn, i) => ({
    id: `${id}-r${i}`,
    messageId: `${id}-m${i}`,
    connectionId: null,
    provider,
    model,
    parameters: {},
    systemPrompt: null,
    answer: turn.answer,
    reasoning: '',
    toolCalls: null,
    status: 'done' as const,
    errorKind: null,
    errorMessage: null,
    usage: { tokensIn: null, tokensOut: null, tokensReasoning: null, tokensCached: null },
    ttftMs: null,
    totalMs: null,
    tokensPerSecond: null,
    costUsd: null,
    costEstimated: false,
    createdAt: at + i * 60_000 + 1000,
    updatedAt: at + i * 60_000 + 2000,
  }))
  const updatedAt = at + turns.length * 60_000
  return {
    id,
    title,
    createdAt: at,
    updatedAt,
    pinned: false,
    archived: false,
    mode: 'chat',
    tags: [],
    messages,
    runs,
  }
}

/**
 * "Planning notes": 8 prompts and 8 answers that all say "demo" (16 matches), in Markdown; the
 * second answer says it most often. Two other conversations on OpenAI models.
 */
async function importHistory(): Promise<void> {
  const now = Date.now()
  const planning = Array.from({ length: 8 }, (_, i) => ({
    prompt: `Demo step ${i + 1}: what next?`,
    answer:
      i === 1
        ? `## The **demo** plan\n\n| Part | Owner |\n| --- | --- |\n| **demo** script | Ana |\n| demo video | Bo |\n\nSee [the demo board](https://example.com/board).\n\n${FILLER}`
        : `Keep going with the demo.\n\n${FILLER}`,
  }))
  await h.rpc('history.import', {
    data: {
      format: 'parallax-history',
      version: 1,
      exportedAt: now,
      conversations: [
        exported(
          'plan',
          'Planning notes',
          now - 3 * DAY,
          'anthropic',
          'claude-sonnet-4-5',
          planning,
        ),
        exported('budget', 'Budget questions', now - 2 * DAY, 'openai', 'gpt-4.1', [
          { prompt: 'How much does it cost?', answer: 'About ten dollars.' },
        ]),
        exported('travel', 'Travel ideas', now - DAY, 'openai', 'gpt-5.4-mini', [
          { prompt: 'Where to go in May?', answer: 'Lisbon is lovely.' },
        ]),
      ],
    },
  })
}

/** No serious or critical axe finding, in light and in dark. */
async function expectAccessible(h: UiHarness): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await h.page.emulateMedia({ colorScheme })
    expect(describeFindings(await seriousAxeFindings(h.page)), colorScheme).toBe('')
  }
  await h.page.emulateMedia({ colorScheme: 'light' })
}

const titles = (h: UiHarness) => h.page.getByTestId('history-item').locator('.history-item-title')

test('the provider and model filters narrow the list with no search text', async () => {
  await importHistory()
  await h.open('#/')
  const { page } = h
  await expect(titles(h)).toHaveText(['Travel ideas', 'Budget questions', 'Planning notes'])

  await page.getByRole('combobox', { name: 'Provider' }).selectOption({ label: 'Anthropic' })
  await expect(titles(h)).toHaveText(['Planning notes'])
  await expect(page.getByTestId('history-filter-state')).toContainText('Filtered: Anthropic')
  await expect(page.getByTestId('history-hit')).toHaveCount(0)
  await expectAccessible(h)

  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(titles(h)).toHaveCount(3)
  await page.getByRole('textbox', { name: 'Model' }).fill('gpt-4.1')
  await expect(titles(h)).toHaveText(['Budget questions'])

  // With search text, the same filters narrow the search.
  await page.getByTestId('history-search').fill('dollars')
  await expect(page.getByTestId('history-hit')).toHaveCount(1)
  await page.getByRole('textbox', { name: 'Model' }).fill('gpt-5.4-mini')
  await expect(page.getByText('No matches for “dollars”')).toBeVisible()
})

test('a word in many messages of one conversation is one result that opens at its best match', async () => {
  await importHistory()
  await h.open('#/')
  const { page } = h
  await expect(titles(h)).toHaveCount(3)

  await page.getByTestId('history-search').fill('demo')
  const hit = page.getByTestId('history-hit')
  await expect(hit).toHaveCount(1)
  await expect(hit.getByTestId('history-hit-count')).toHaveText('16 matches')
  const snippet = hit.locator('.history-snippet')
  await expect(snippet).toContainText('The demo plan')
  const text = (await snippet.textContent()) ?? ''
  expect(text).not.toContain('**')
  expect(text).not.toContain('|')
  expect(text).not.toContain('](')
  await expect(hit.locator('mark').first()).toHaveText('demo')
  expect(await hit.locator('mark').count()).toBeGreaterThanOrEqual(3)

  await hit.click()
  await expect(page).toHaveURL(/#\/c\/plan\?m=plan-m1$/)
  const turns = page.getByTestId('turn')
  await expect(turns).toHaveCount(8)
  const found = turns.nth(1)
  await expect(found).toHaveAttribute('data-found', '')
  await expect(found).toHaveAttribute('aria-current', 'true')
  await expect(found).toBeInViewport()
  // The opened match won over the usual start at the last turn.
  await expect(turns.nth(7)).not.toBeInViewport()
  const outline = await found.evaluate((element) => getComputedStyle(element).outlineStyle)
  expect(outline).toBe('solid')
  await expectAccessible(h)

  // The mark stays until the next click in the conversation.
  await page.waitForTimeout(300)
  await expect(found).toHaveAttribute('data-found', '')
  await page.getByTestId('turn-list').click({ position: { x: 5, y: 5 } })
  await expect(found).not.toHaveAttribute('data-found')

  // A further match opens its own message.
  await page.getByRole('button', { name: 'Show 2 more' }).click()
  await expectAccessible(h)
  const extra = page.getByTestId('history-hit-more').first()
  await extra.click()
  await expect(page).toHaveURL(/\?m=plan-m\d$/)
  const target = new URL(page.url()).hash.split('m=')[1] ?? ''
  const index = Number(target.replace('plan-m', ''))
  await expect(turns.nth(index)).toHaveAttribute('data-found', '')
  await expect(turns.nth(index)).toBeInViewport()
})
