import { expect, test } from '@playwright/test'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { OPENAI_FAKE_DEFAULTS } from '../fakes/openai/openai-fake'
import { startUiHarness, type UiHarness } from './support/ui-harness'

let h: UiHarness
test.beforeEach(async () => {
  h = await startUiHarness()
})
test.afterEach(async () => {
  await h?.close()
})

const KEY = OPENAI_FAKE_DEFAULTS.openaiKey
const WRONG_KEY = 'sk-proj-thisKeyIsWrong000000000000000000000000'
const REJECTED = 'The key was rejected — check it and save again.'

const savedConnections = async () =>
  (await h.rpc<{ connections: { label: string }[] }>('connections.list', {})).connections

test('a wrong key fails its test before saving; Save asks, Cancel keeps the form, “Save anyway” saves', async () => {
  const { page, openai } = h
  await h.open('#/connections')
  const form = page.getByTestId('connection-form')
  await form.getByRole('radio', { name: 'OpenAI', exact: true }).check()
  const apiKey = form.getByRole('textbox', { name: 'API key' })
  await apiKey.fill(WRONG_KEY)
  await form.getByLabel('Base URL').fill(`${openai.url}/v1`)
  await form.getByLabel('Label').fill('Wrong key')

  await form.getByRole('button', { name: 'Test' }).click()
  await expect(form.getByTestId('test-result')).toContainText(REJECTED)
  // The fake was asked with the typed key, and nothing was saved.
  expect(openai.requests.some((request) => !request.authorized)).toBe(true)
  expect(await savedConnections()).toEqual([])
  await expect(page.getByTestId('connection-row')).toHaveCount(0)

  await form.getByRole('button', { name: 'Save' }).click()
  const dialog = page.getByRole('dialog', { name: 'Save anyway?' })
  await expect(dialog).toContainText(`The test of these values failed. ${REJECTED}`)
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(apiKey).toHaveValue(WRONG_KEY)
  await expect(form.getByLabel('Label')).toHaveValue('Wrong key')
  expect(await savedConnections()).toEqual([])

  await form.getByRole('button', { name: 'Save' }).click()
  await page
    .getByRole('dialog', { name: 'Save anyway?' })
    .getByRole('button', { name: 'Save anyway' })
    .click()
  const row = page.getByTestId('connection-row').filter({ hasText: 'Wrong key' })
  await expect(row).toBeVisible()
  await expect(row.getByTestId('test-result')).toContainText(REJECTED)
  expect((await savedConnections()).map((connection) => connection.label)).toEqual(['Wrong key'])
})

test('the right key passes its test and saves without asking', async () => {
  const { page, openai } = h
  await h.open('#/connections')
  const form = page.getByTestId('connection-form')
  await form.getByRole('radio', { name: 'OpenAI', exact: true }).check()
  await form.getByRole('textbox', { name: 'API key' }).fill(KEY)
  await form.getByLabel('Base URL').fill(`${openai.url}/v1`)
  await form.getByLabel('Label').fill('Right key')
  await form.getByRole('button', { name: 'Test' }).click()
  await expect(form.getByTestId('test-result')).toContainText(/Connected — \d+ models available/)
  expect(await savedConnections()).toEqual([])

  const requestsBeforeSave = openai.requests.length
  await form.getByRole('button', { name: 'Save' }).click()
  const row = page.getByTestId('connection-row').filter({ hasText: 'Right key' })
  await expect(row.getByTestId('test-result')).toContainText(/Connected/)
  await expect(page.getByRole('dialog')).toHaveCount(0)
  // The fresh result was used: saving asked the provider nothing more.
  expect(openai.requests.length).toBe(requestsBeforeSave)
  expect((await savedConnections()).map((connection) => connection.label)).toEqual(['Right key'])
})

test('editing: the saved key is not required, and a new address is not tested with it', async () => {
  const { page } = h
  const seen: string[] = []
  const other = createServer((request, response) => {
    seen.push(request.url ?? '')
    response.writeHead(401, { 'content-type': 'application/json' })
    response.end('{"error":{"message":"no"}}')
  })
  await new Promise<void>((done) => other.listen(0, '127.0.0.1', done))
  const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}/v1`
  try {
    await h.addOpenAI('Proxy')
    await h.open('#/connections')
    const row = page.getByTestId('connection-row').filter({ hasText: 'Proxy' })
    await row.getByRole('button', { name: 'Edit' }).click()
    const form = page.getByTestId('connection-form')
    const apiKey = form.getByRole('textbox', { name: 'API key' })
    await expect(apiKey).toHaveAttribute(
      'placeholder',
      `Saved — •••• ${KEY.slice(-4)} (leave empty to keep)`,
    )
    await expect(apiKey).not.toHaveAttribute('aria-required', /.*/)
    await expect(form.locator('.cx-field', { has: apiKey }).locator('.cx-required')).toHaveCount(0)

    // Unchanged address: the saved key is used for the test.
    await form.getByRole('button', { name: 'Test' }).click()
    await expect(form.getByTestId('test-result')).toContainText(/Connected/)

    await form.getByLabel('Base URL').fill(otherUrl)
    await form.getByRole('button', { name: 'Test' }).click()
    await expect(form.getByTestId('test-result')).toHaveText(
      'The address changed, so the saved key was not sent there: type the key to test these values.',
    )
    expect(seen).toEqual([])
    await expect(apiKey).toHaveAttribute('aria-required', 'true')
  } finally {
    await new Promise((done) => other.close(done))
  }
})
