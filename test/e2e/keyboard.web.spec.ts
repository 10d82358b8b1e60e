import { expect, test, type Page } from '@playwright/test'
import { pickModel, sendPrompt, startUiHarness, type UiHarness } from './support/ui-harness'

// Keyboard use without a mouse: new screens take focus in their prompt box, the skip link, and a
// history list that is one Tab stop with arrow keys inside.
let h: UiHarness
test.beforeEach(async () => {
  h = await startUiHarness()
})
test.afterEach(async () => {
  await h?.close()
})

const mod = process.platform === 'darwin' ? 'Meta' : 'Control'

/** Whether focus is inside the element the selector names. */
const focusWithin = (page: Page, selector: string) =>
  page.evaluate((s) => document.activeElement?.closest(s) !== null, selector)

test('Ctrl+N, Ctrl+Shift+N, the sidebar buttons and the palette leave focus in the new prompt box', async () => {
  const { page } = h
  await h.addOpenAI()
  await h.open('#/settings')
  await expect(page.getByTestId('settings-screen')).toBeVisible()
  const prompt = page.getByTestId('prompt-input')

  await page.locator('body').press(`${mod}+n`)
  await expect(page).toHaveURL(/#\/chat$/)
  await expect(prompt).toBeFocused()
  await page.keyboard.type('typed after Ctrl+N')
  await expect(prompt).toHaveValue('typed after Ctrl+N')

  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByRole('button', { name: 'Usage' }).focus()
  await page.keyboard.press(`${mod}+Shift+N`)
  await expect(page).toHaveURL(/#\/compare$/)
  await expect(page.getByTestId('conversation')).toHaveAttribute('data-mode', 'compare')
  await expect(prompt).toBeFocused()
  await page.keyboard.type('typed after Ctrl+Shift+N')
  await expect(prompt).toHaveValue('typed after Ctrl+Shift+N')

  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByRole('button', { name: 'New chat' }).click()
  await expect(prompt).toBeFocused()
  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByRole('button', { name: 'Compare', exact: true }).click()
  await expect(prompt).toBeFocused()

  // The same from the command palette, whose closing would otherwise hand focus back.
  await page.getByRole('button', { name: 'Settings' }).click()
  await page.keyboard.press(`${mod}+k`)
  await page.keyboard.type('New chat')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/chat$/)
  await expect(prompt).toBeFocused()
})

test('the skip link is the first Tab stop, shows when focused, and moves focus to the main region', async () => {
  const { page } = h
  await h.addOpenAI()
  await h.open('#/settings')
  await expect(page.getByTestId('settings-screen')).toBeVisible()
  const skip = page.getByRole('link', { name: 'Skip to main content' })
  await expect(skip).not.toBeInViewport()

  await page.keyboard.press('Tab')
  await expect(skip).toBeFocused()
  await expect(skip).toBeInViewport()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('main')).toBeFocused()
  await expect(page).toHaveURL(/#\/settings$/)
  await page.keyboard.press('Tab')
  expect(await focusWithin(page, 'main')).toBe(true)
})

test('the history list is one Tab stop; arrows move through it, Shift+F10 opens the menu, Enter opens', async () => {
  const { page } = h
  await h.addOpenAI()
  await h.open('#/chat')
  await pickModel(page, 'chat-model-picker', 'gpt-5.4-mini')
  for (const [index, title] of ['First question', 'Second question', 'Third question'].entries()) {
    if (index > 0) await page.getByRole('button', { name: 'New chat' }).click()
    await sendPrompt(page, title)
    await expect(page.getByTestId('conversation-title')).toHaveText(title)
    await expect(page.getByTestId('history-item')).toHaveCount(index + 1)
  }
  const grid = page.getByRole('grid', { name: 'Conversations' })
  const open = (title: string) => grid.getByRole('button', { name: title, exact: true })

  // Tab from the search box into the list lands on the open conversation, the newest.
  await page.getByTestId('history-search').focus()
  for (let i = 0; i < 5 && !(await focusWithin(page, '[role="grid"]')); i++) {
    await page.keyboard.press('Tab')
  }
  await expect(open('Third question')).toBeFocused()
  await page.keyboard.press('Tab')
  expect(await focusWithin(page, '[role="grid"]')).toBe(false)
  await page.keyboard.press('Shift+Tab')
  await expect(open('Third question')).toBeFocused()

  await page.keyboard.press('ArrowDown')
  await expect(open('Second question')).toBeFocused()
  await page.keyboard.press('End')
  await expect(open('First question')).toBeFocused()
  await page.keyboard.press('Home')
  await expect(open('Third question')).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(open('Second question')).toBeFocused()
  await expect(grid.locator('[tabindex="0"]')).toHaveCount(1)

  await page.keyboard.press('Shift+F10')
  const menu = page.getByRole('menu', { name: 'Actions for “Second question”' })
  await expect(menu.getByRole('menuitem').first()).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()
  await expect(
    grid.getByRole('button', { name: 'More actions for “Second question”' }),
  ).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await expect(open('Second question')).toBeFocused()

  await page.keyboard.press('Enter')
  await expect(page.getByTestId('conversation-title')).toHaveText('Second question')
  await expect(open('Second question')).toHaveAttribute('aria-current', 'page')
})
