import { expect, test, type Page } from '@playwright/test'
import { describeFindings, seriousAxeFindings } from './support/axe'
import { pickModel, sendPrompt, startUiHarness, type UiHarness } from './support/ui-harness'

let h: UiHarness
test.beforeEach(async () => {
  h = await startUiHarness()
})
test.afterEach(async () => {
  await h?.close()
})

const rows = (page: Page) => page.getByTestId('compare-row')
const cardsIn = (page: Page, turn: number) => rows(page).nth(turn).getByTestId('run-card')
const requestedModels = (from: number) =>
  h.openai.requests.slice(from).map((r) => (r.json as { model: string }).model)

async function startTwoColumns(page: Page): Promise<void> {
  await h.addOpenAI()
  await h.open('#/compare')
  await pickModel(page, 'column-model-1', 'gpt-4.1-mini')
  await pickModel(page, 'column-model-2', 'gpt-4.1-nano')
  h.openai.enqueue({ text: ['One.'] }, { text: ['Two.'] })
  await sendPrompt(page, 'First question')
  await expect(cardsIn(page, 0).and(page.locator('[data-status="done"]'))).toHaveCount(2)
}

test('columns are added, removed and changed for the next turn; one column is regenerated or retried', async () => {
  const { page, openai } = h
  await startTwoColumns(page)

  // Add a third column for the next turn.
  await page.getByTestId('change-columns').click()
  await expect(page.getByTestId('next-turn-columns')).toContainText('these 2 columns')
  await page.getByTestId('add-column').click()
  await pickModel(page, 'column-model-3', 'gpt-4o-mini')
  const editorFindings = await seriousAxeFindings(page)
  expect(editorFindings, describeFindings(editorFindings)).toEqual([])
  openai.enqueue({ text: ['A.'] }, { text: ['B.'] }, { text: ['C.'] })
  let sent = openai.requests.length
  await sendPrompt(page, 'Second question')
  await expect(cardsIn(page, 1).and(page.locator('[data-status="done"]'))).toHaveCount(3)
  await expect(cardsIn(page, 0)).toHaveCount(2)
  expect(requestedModels(sent).sort()).toEqual(['gpt-4.1-mini', 'gpt-4.1-nano', 'gpt-4o-mini'])
  await expect(page.getByTestId('follow-up-summary')).toHaveText('Follow-ups go to all 3 columns')

  // Remove the third again and give column 1 a temperature.
  await page.getByTestId('change-columns').click()
  await page.getByRole('button', { name: 'Remove column 3' }).click()
  const first = page.getByTestId('column-editor').first()
  await first.getByRole('button', { name: 'Parameters' }).click()
  const temperature = first.getByTestId('param-temperature').getByRole('spinbutton')
  await temperature.fill('0.2')
  await temperature.blur()
  openai.enqueue({ text: ['X.'] }, { text: ['Y.'] })
  sent = openai.requests.length
  await sendPrompt(page, 'Third question')
  await expect(cardsIn(page, 2).and(page.locator('[data-status="done"]'))).toHaveCount(2)
  const third = openai.requests.slice(sent).map((r) => r.json as Record<string, unknown>)
  expect(third.map((r) => r.model).sort()).toEqual(['gpt-4.1-mini', 'gpt-4.1-nano'])
  expect(third.find((r) => r.model === 'gpt-4.1-mini')?.temperature).toBe(0.2)
  expect(third.find((r) => r.model === 'gpt-4.1-nano')).not.toHaveProperty('temperature')
  await expect(page.getByTestId('follow-up-summary')).toHaveText('Follow-ups go to all 2 columns')

  // The override shows in that column's head, after a reload too; earlier turns are unchanged.
  const miniHead = (turn: number) =>
    cardsIn(page, turn).and(page.locator('[data-model="gpt-4.1-mini"]')).getByTestId('run-chip')
  await expect(miniHead(2)).toHaveText(['Temperature 0.2'])
  await page.reload()
  await expect(rows(page)).toHaveCount(3)
  await expect(miniHead(2)).toHaveText(['Temperature 0.2'])
  await expect(miniHead(1)).toHaveCount(0)
  await expect(cardsIn(page, 0)).toHaveCount(2)
  await expect(cardsIn(page, 1)).toHaveCount(3)
  await expect(cardsIn(page, 2)).toHaveCount(2)

  // Regenerate one column of the latest turn: only that column gets a second answer.
  const nano = cardsIn(page, 2).and(page.locator('[data-model="gpt-4.1-nano"]'))
  openai.enqueue({ text: ['Y again.'] })
  sent = openai.requests.length
  await nano.getByTestId('regenerate').click()
  await expect(nano.getByTestId('run-answer')).toHaveText('Y again.')
  await expect(nano).toHaveAttribute('data-status', 'done')
  expect(requestedModels(sent)).toEqual(['gpt-4.1-nano'])
  await expect(nano.getByTestId('sibling-position')).toHaveText('2 / 2')
  await expect(cardsIn(page, 2)).toHaveCount(2)
  await expect(rows(page).nth(2).getByTestId('sibling-position')).toHaveCount(1)
  const switcherFindings = await seriousAxeFindings(page)
  expect(switcherFindings, describeFindings(switcherFindings)).toEqual([])
  // The earlier answer is one click away.
  await nano.getByRole('button', { name: 'Previous version' }).click()
  await expect(nano.getByTestId('sibling-position')).toHaveText('1 / 2')
  await expect(nano.getByTestId('run-answer')).not.toHaveText('Y again.')

  // A column that failed offers Retry, which re-runs only that column.
  openai.enqueue({ text: ['fine'] }, { text: ['half', 'never'], errorEventAfterEvents: 1 })
  await sendPrompt(page, 'Fourth question')
  const failed = cardsIn(page, 3).and(page.locator('[data-status="error"]'))
  await expect(failed).toHaveCount(1)
  const failedModel = (await failed.getAttribute('data-model')) ?? '?'
  const column = cardsIn(page, 3).and(page.locator(`[data-model="${failedModel}"]`))
  openai.enqueue({ text: ['Recovered.'] })
  sent = openai.requests.length
  await column.getByTestId('retry-column').click()
  await expect(column).toHaveAttribute('data-status', 'done')
  await expect(column.getByTestId('run-answer')).toHaveText('Recovered.')
  await expect(column.getByTestId('sibling-position')).toHaveText('2 / 2')
  expect(requestedModels(sent)).toEqual([failedModel])
  await expect(cardsIn(page, 3)).toHaveCount(2)
})

test('at 1024×700 changing the columns keeps the prompt box in view and the page from scrolling sideways', async () => {
  const { page } = h
  await page.setViewportSize({ width: 1024, height: 700 })
  await startTwoColumns(page)
  await page.getByTestId('change-columns').click()
  await page.getByTestId('add-column').click()
  await pickModel(page, 'column-model-3', 'gpt-4o-mini')
  await expect(page.getByTestId('keep-columns')).toBeInViewport()
  await expect(page.getByTestId('send')).toBeInViewport({ ratio: 1 })

  // Undo goes back to the latest turn's two columns; changing again starts from them.
  await page.getByTestId('keep-columns').click()
  await expect(page.getByTestId('follow-up-summary')).toHaveText('Follow-ups go to all 2 columns')
  await page.getByTestId('change-columns').click()
  await expect(page.getByTestId('column-editor')).toHaveCount(2)
  await page.getByTestId('add-column').click()
  await pickModel(page, 'column-model-3', 'gpt-4o-mini')
  for (let i = 0; i < 5; i++) await page.getByTestId('add-column').click()
  await expect(page.getByTestId('column-editor')).toHaveCount(8)
  await expect(page.getByTestId('add-column')).toBeDisabled()
  // Eight columns: the list scrolls within a bounded height, so Send stays in view; the last
  // column's Parameters open in view, and its model list is not cut off by the scrolling list.
  await expect(page.getByTestId('send')).toBeInViewport({ ratio: 1 })
  await expect(page.getByTestId('keep-columns')).toBeInViewport()
  const last = page.getByTestId('column-editor').last()
  await last.getByRole('button', { name: 'Parameters' }).click()
  await expect(last.getByTestId('param-temperature')).toBeInViewport()
  await expect(page.getByTestId('send')).toBeInViewport({ ratio: 1 })
  await last.getByRole('button', { name: 'Parameters' }).click()
  await page.getByTestId('column-model-8').click()
  await expect(page.getByTestId('model-picker-popover').getByRole('option').first()).toBeInViewport(
    { ratio: 1 },
  )
  await page.keyboard.press('Escape')
  // Empty columns must be chosen or removed before sending.
  await expect(page.getByTestId('composer')).toContainText(
    'Choose a model for every column, or remove the empty ones.',
  )
  for (let i = 8; i > 3; i--) {
    await page.getByRole('button', { name: `Remove column ${i}` }).click()
  }

  h.openai.enqueue({ text: ['A.'] }, { text: ['B.'] }, { text: ['C.'] })
  await sendPrompt(page, 'Three now')
  await expect(cardsIn(page, 1).and(page.locator('[data-status="done"]'))).toHaveCount(3)
  await expect(page.getByTestId('follow-up-summary')).toBeInViewport()
  await expect(page.getByTestId('send')).toBeInViewport({ ratio: 1 })
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
})
