import { expect, test, type Locator, type Page } from '@playwright/test'
import { pickModel, sendPrompt, startUiHarness, type UiHarness } from './support/ui-harness'

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
] as const

let h: UiHarness
test.beforeEach(async () => {
  h = await startUiHarness()
})
test.afterEach(async () => {
  await h?.close()
})

interface Box {
  x: number
  y: number
  width: number
  height: number
}

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox()
  expect(box, 'element is laid out').not.toBeNull()
  return box as Box
}

/** Whether `inner` lies wholly inside `outer` (1px of rounding allowed). */
function inside(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x - 1 &&
    inner.y >= outer.y - 1 &&
    inner.x + inner.width <= outer.x + outer.width + 1 &&
    inner.y + inner.height <= outer.y + outer.height + 1
  )
}

function viewportBox(page: Page): Box {
  const size = page.viewportSize()
  return { x: 0, y: 0, width: size?.width ?? 0, height: size?.height ?? 0 }
}

/** A long answer: 24 paragraphs, so every column is taller than the window. */
function longAnswer(name: string): string[] {
  return Array.from({ length: 24 }, (_, i) => `${name} paragraph ${i} ${'word '.repeat(12)}\n\n`)
}

/** A saved comparison of four OpenAI models with `turns` prompts, each answered at length. */
async function fourColumnComparison(turns: number): Promise<void> {
  const { page, openai } = h
  await h.addOpenAI()
  await h.open('#/compare')
  await pickModel(page, 'column-model-1', 'gpt-5.4-mini')
  await pickModel(page, 'column-model-2', 'gpt-5.4-nano')
  await page.getByTestId('add-column').click()
  await pickModel(page, 'column-model-3', 'gpt-4.1-mini')
  await page.getByTestId('add-column').click()
  await pickModel(page, 'column-model-4', 'o4-mini')
  for (let turn = 1; turn <= turns; turn++) {
    openai.enqueue(
      ...['alpha', 'beta', 'gamma', 'delta'].map((name) => ({
        text: longAnswer(`${name}${turn}`),
        usage: { input: 20, output: 300 },
      })),
    )
    await sendPrompt(page, `Question ${turn}`)
    await expect(page.locator('[data-testid="run-card"][data-status="done"]')).toHaveCount(4 * turn)
  }
}

/** Sets a number parameter in the open parameters panel. */
async function setParameter(page: Page, name: string, value: string): Promise<void> {
  const input = page.getByTestId(`param-${name}`).getByRole('spinbutton')
  await input.fill(value)
  await input.blur()
}

/** The top of each column's answer in the last comparison row, in px from the page top. */
async function answerTops(page: Page): Promise<number[]> {
  const cards = page.getByTestId('compare-row').last().getByTestId('run-card')
  const tops: number[] = []
  for (let i = 0; i < (await cards.count()); i++) {
    tops.push((await boxOf(cards.nth(i).getByTestId('run-answer'))).y)
  }
  return tops
}

for (const size of SIZES) {
  test(`${size.width}×${size.height}: answers side by side start on one line, whatever each column's head holds`, async () => {
    const { page, openai } = h
    await page.setViewportSize(size)
    await h.addOpenAI()
    await h.open('#/compare')
    await pickModel(page, 'column-model-1', 'gpt-5.4-mini')
    await pickModel(page, 'column-model-2', 'gpt-5.4-nano')
    await page.getByTestId('add-column').click()
    await pickModel(page, 'column-model-3', 'gpt-4.1-mini')
    await page.getByTestId('add-column').click()
    await pickModel(page, 'column-model-4', 'gpt-4.1-nano')
    // Column 3 gets five parameter chips, the others none.
    const third = page.getByTestId('column-editor').nth(2)
    await third.getByRole('button', { name: 'Parameters' }).click()
    await setParameter(page, 'temperature', '0.25')
    await setParameter(page, 'top_p', '0.9')
    await setParameter(page, 'max_tokens', '777')
    await setParameter(page, 'presence_penalty', '0.5')
    await setParameter(page, 'seed', '424242')
    await expect(third.getByRole('button', { name: 'Parameters (5)' })).toBeVisible()
    openai.enqueue(
      ...['alpha', 'beta', 'gamma', 'delta'].map((name) => ({
        text: longAnswer(name),
        usage: { input: 20, output: 300 },
      })),
    )
    await sendPrompt(page, 'Line up')
    const done = page.locator('[data-testid="run-card"][data-status="done"]')
    await expect(done).toHaveCount(4)

    // The chips are all there (they wrap), and make column 3's head content the tallest.
    const cards = page.getByTestId('run-card')
    await expect(cards.nth(2).getByTestId('run-chip')).toHaveCount(5)
    const contentHeights = await page
      .locator('.column-head-content')
      .evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().height))
    expect(Math.max(...contentHeights) - Math.min(...contentHeights)).toBeGreaterThan(10)
    // Yet every head is as tall as the tallest, so the answers start on one line.
    await expect
      .poll(async () => {
        const tops = await answerTops(page)
        return Math.max(...tops) - Math.min(...tops)
      })
      .toBeLessThanOrEqual(1)
    const heads = await Promise.all(
      [0, 1, 2, 3].map(
        async (i) => (await boxOf(cards.nth(i).getByTestId('run-card-head'))).height,
      ),
    )
    expect(Math.max(...heads) - Math.min(...heads)).toBeLessThanOrEqual(1)
  })

  test(`${size.width}×${size.height}: with Parameters open the prompt box stays in the window and sends`, async () => {
    const { page, openai } = h
    await page.setViewportSize(size)
    await h.addOpenAI()
    await h.open('#/chat')
    await pickModel(page, 'chat-model-picker', 'gpt-4.1-mini')
    await page.getByTestId('toggle-parameters').click()
    await expect(page.getByTestId('parameters-panel')).toBeVisible()

    const input = page.getByTestId('prompt-input')
    expect(inside(await boxOf(input), viewportBox(page))).toBe(true)
    // The panel scrolls inside its own region: its last row is reachable without moving the
    // composer.
    const seed = page.getByTestId('param-seed')
    await seed.scrollIntoViewIfNeeded()
    expect(inside(await boxOf(seed), viewportBox(page))).toBe(true)
    expect(inside(await boxOf(input), viewportBox(page))).toBe(true)

    openai.enqueue({ text: ['Still ', 'reachable.'] })
    await sendPrompt(page, 'Hello')
    await expect(page.getByTestId('run-answer')).toHaveText('Still reachable.')
    expect(inside(await boxOf(input), viewportBox(page))).toBe(true)
  })

  test(`${size.width}×${size.height}: four columns show their metrics, side-scroll as one, and keep their heads in view`, async () => {
    const { page } = h
    await page.setViewportSize(size)
    await fourColumnComparison(1)
    const list = page.getByTestId('turn-list')
    const cards = page.getByTestId('run-card')
    const fourthMetrics = cards.nth(3).getByTestId('run-metrics')

    if (size.width === 1440) {
      // Sidebar folded away: all four columns fit, metrics included, with no sideways scroll.
      await page.getByTestId('sidebar-toggle').click()
      await expect(page.locator('.shell')).toHaveAttribute('data-sidebar', 'collapsed')
      const listBox = await boxOf(list)
      for (let i = 0; i < 4; i++) {
        const box = await boxOf(cards.nth(i).getByTestId('run-card-head'))
        expect(box.x >= listBox.x && box.x + box.width <= listBox.x + listBox.width).toBe(true)
        expect(inside(await boxOf(cards.nth(i).getByTestId('run-metrics')), listBox)).toBe(true)
      }
      expect(await list.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
      await page.getByTestId('sidebar-toggle').click()
    }

    // With the sidebar open the columns keep a readable width and the list scrolls sideways:
    // the fourth column's metrics come into view.
    await expect(page.locator('.shell')).toHaveAttribute('data-sidebar', 'expanded')
    expect(await list.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
    const cardWidth = (await boxOf(cards.nth(0))).width
    expect(cardWidth).toBeGreaterThanOrEqual(299)
    await list.evaluate((el) => el.scrollTo({ left: el.scrollWidth }))
    await expect.poll(async () => inside(await boxOf(fourthMetrics), await boxOf(list))).toBe(true)
    // The prompt stays at the left edge while the columns scroll.
    const prompt = page.getByTestId('user-message').first()
    expect(inside(await boxOf(prompt), await boxOf(list))).toBe(true)

    // Halfway down the long answers every column's head (model, connection, metrics) is still
    // at the top of the list.
    await list.evaluate((el) => el.scrollTo({ left: 0, top: el.scrollHeight / 2 }))
    const listBox = await boxOf(list)
    for (let i = 0; i < 4; i++) {
      await list.evaluate((el, left) => el.scrollTo({ left }), i * cardWidth)
      const card = cards.nth(i)
      const head = card.getByTestId('run-card-head')
      await expect(head).toContainText(/gpt-5\.4-mini|gpt-5\.4-nano|gpt-4\.1-mini|o4-mini/)
      await expect(card.locator('[data-metric="ttft"]')).toHaveText(/\d/)
      await expect
        .poll(async () => (await boxOf(card)).y < listBox.y - 50, 'the card is scrolled past')
        .toBe(true)
      // Stuck at the top of the list (within its padding).
      const headBox = await boxOf(head)
      expect(headBox.y).toBeGreaterThanOrEqual(listBox.y - 1)
      expect(headBox.y).toBeLessThanOrEqual(listBox.y + 17)
      expect(inside(await boxOf(card.locator('[data-metric="total"]')), listBox)).toBe(true)
    }
  })

  test(`${size.width}×${size.height}: a reopened comparison starts at its last turn`, async () => {
    const { page } = h
    await page.setViewportSize(size)
    await fourColumnComparison(3)
    await page.reload()
    await expect(page.getByTestId('run-card')).toHaveCount(12)

    const listBox = await boxOf(page.getByTestId('turn-list'))
    const lastTurn = page.getByTestId('turn').last()
    await expect(lastTurn.getByTestId('user-message')).toContainText('Question 3')
    await expect
      .poll(async () => inside(await boxOf(lastTurn.getByTestId('user-message')), listBox))
      .toBe(true)
    // The last turn's columns fill the list from just below its prompt: no empty area.
    const lastCards = lastTurn.getByTestId('run-card')
    await expect(lastCards).toHaveCount(4)
    const firstHead = await boxOf(lastCards.first().getByTestId('run-card-head'))
    expect(inside(firstHead, listBox)).toBe(true)
    const answer = await boxOf(lastCards.first().getByTestId('run-answer'))
    expect(answer.y).toBeLessThan(listBox.y + listBox.height)
    expect(answer.y + answer.height).toBeGreaterThan(listBox.y + listBox.height)
  })
}

test('a started comparison says in one line where follow-ups go, with the models on demand', async () => {
  const { page, openai } = h
  await page.setViewportSize({ width: 1024, height: 700 })
  await h.addOpenAI()
  await h.open('#/compare')
  await pickModel(page, 'column-model-1', 'gpt-5.4-mini')
  await pickModel(page, 'column-model-2', 'gpt-5.4-nano')
  await page.getByTestId('add-column').click()
  await pickModel(page, 'column-model-3', 'gpt-4.1-mini')
  openai.enqueue({ text: ['One.'] }, { text: ['Two.'] }, { text: ['Three.'] })
  await sendPrompt(page, 'First')
  await expect(page.locator('[data-testid="run-card"][data-status="done"]')).toHaveCount(3)

  // One short line, not a second row of the column heads.
  const strip = page.getByTestId('compare-columns')
  await expect(page.getByTestId('follow-up-summary')).toHaveText('Follow-ups go to all 3 columns')
  await expect(page.getByTestId('follow-up-list')).toHaveCount(0)
  expect((await boxOf(strip)).height).toBeLessThanOrEqual(40)
  await expect(strip).not.toContainText('gpt-5.4-nano')

  // The models and connections, on demand, as a disclosure.
  const toggle = page.getByRole('button', { name: 'Show models' })
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  const list = page.getByTestId('follow-up-list')
  await expect(toggle).toHaveAttribute('aria-controls', (await list.getAttribute('id')) ?? '')
  await expect(list.getByRole('listitem')).toHaveText([
    'gpt-5.4-mini · OpenAI — work',
    'gpt-5.4-nano · OpenAI — work',
    'gpt-4.1-mini · OpenAI — work',
  ])
  await toggle.click()
  await expect(list).toHaveCount(0)

  // And a follow-up does go to every column.
  openai.enqueue({ text: ['Four.'] }, { text: ['Five.'] }, { text: ['Six.'] })
  await sendPrompt(page, 'Second')
  await expect(page.locator('[data-testid="run-card"][data-status="done"]')).toHaveCount(6)
})

test('the sidebar folds away by button and by Ctrl+B, and stays as left after a reload', async () => {
  const { page } = h
  await page.setViewportSize({ width: 1024, height: 700 })
  await h.addOpenAI()
  await h.open('#/chat')
  const toggle = page.getByRole('button', { name: 'Sidebar', exact: true })
  const history = page.getByRole('navigation', { name: 'History' })
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  await expect(history).toBeVisible()
  const mainWidth = (await boxOf(page.locator('main'))).width

  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await expect(history).toBeHidden()
  expect((await boxOf(page.locator('main'))).width).toBeGreaterThan(mainWidth + 200)
  await page.reload()
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await expect(history).toBeHidden()

  // The shortcut works from the prompt box too, and the choice outlives a reload again.
  await page.getByTestId('prompt-input').focus()
  await page.keyboard.press('Control+b')
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  await expect(history).toBeVisible()
  await expect(page.getByTestId('prompt-input')).toBeFocused()
  await page.keyboard.press('Control+b')
  await expect(history).toBeHidden()
  await page.keyboard.press('Control+b')
  await page.reload()
  await expect(history).toBeVisible()

  // Listed in the shortcut sheet and the palette.
  await page.keyboard.press('Control+/')
  await expect(page.getByTestId('shortcuts-help')).toContainText('Show or hide the sidebar')
  await page.keyboard.press('Escape')
  await page.keyboard.press('Control+k')
  await page.keyboard.type('sidebar')
  await page.keyboard.press('Enter')
  await expect(history).toBeHidden()
})

test('"Open in new window" shows the comparison on its own, with no sidebar', async () => {
  const { page, openai } = h
  await h.addOpenAI()
  openai.enqueue({ text: ['One.'] }, { text: ['Two.'] })
  await h.open('#/compare')
  await pickModel(page, 'column-model-1', 'gpt-5.4-mini')
  await pickModel(page, 'column-model-2', 'gpt-5.4-nano')
  await sendPrompt(page, 'Side by side')
  await expect(page.locator('[data-testid="run-card"][data-status="done"]')).toHaveCount(2)
  await expect(page.getByRole('complementary', { name: 'Sidebar' })).toBeVisible()

  const [tab] = await Promise.all([
    page.context().waitForEvent('page'),
    page.getByTestId('open-in-window').click(),
  ])
  await tab.waitForLoadState()
  expect(new URL(tab.url()).hash).toMatch(/^#\/w\//)
  await expect(tab.getByTestId('conversation')).toHaveAttribute('data-mode', 'compare')
  await expect(tab.getByTestId('run-card')).toHaveCount(2)
  await expect(tab.getByRole('complementary')).toHaveCount(0)
  await expect(tab.getByTestId('history-item')).toHaveCount(0)
  // The conversation fills the window.
  expect((await boxOf(tab.locator('main'))).x).toBe(0)
  await tab.close()
})
