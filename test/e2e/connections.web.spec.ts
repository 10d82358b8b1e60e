import { expect, test } from '@playwright/test'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
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

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

test('first run: welcome, add a connection, test it; the key never comes back', async () => {
  const { page, openai, app } = h
  await h.open()
  const welcome = page.getByTestId('welcome')
  await expect(welcome).toContainText(/key/i)
  await welcome.getByRole('button', { name: 'Add a connection' }).click()

  const form = page.getByTestId('connection-form')
  await form.getByRole('radio', { name: 'OpenAI', exact: true }).check()
  await form.getByRole('textbox', { name: 'API key' }).fill(KEY)
  await form.getByLabel('Base URL').fill(`${openai.url}/v1`)
  await form.getByLabel('Label').fill('OpenAI — work')
  await form.getByRole('button', { name: 'Save' }).click()

  const row = page.getByTestId('connection-row').filter({ hasText: 'OpenAI — work' })
  await expect(row).toBeVisible()
  await expect(row).toContainText(`•••• ${KEY.slice(-4)}`)
  await expect(row.getByTestId('test-result')).toContainText(/Connected — \d+ models available/)
  // The test asked the provider with the saved key.
  expect(openai.requests.some((r) => r.url.startsWith('/v1/models') && r.authorized)).toBe(true)

  // Edit: the secret is never put back into the form.
  await row.getByRole('button', { name: 'Edit' }).click()
  const secretInput = page.getByTestId('connection-form').getByRole('textbox', { name: 'API key' })
  await expect(secretInput).toHaveValue('')
  await page.getByTestId('connection-form').getByRole('button', { name: 'Cancel' }).click()

  // Nowhere in the page, in anything the renderer received, or in plaintext on disk.
  await page.goto(`${app.url}#/chat`)
  await page.goto(`${app.url}#/connections`)
  await expect(page.getByTestId('connection-row')).toHaveCount(1)
  expect(await page.content()).not.toContain(KEY)
  expect(
    await page.evaluate(() => document.body.innerText + JSON.stringify(localStorage)),
  ).not.toContain(KEY)
  expect(h.bodies.length).toBeGreaterThan(5)
  expect(h.bodies.filter((b) => b.includes(KEY))).toEqual([])
  for (const file of filesUnder(app.dataDir)) {
    expect(readFileSync(file).includes(Buffer.from(KEY)), file).toBe(false)
    expect(readFileSync(file).includes(Buffer.from(KEY.slice(8, 40))), file).toBe(false)
  }
})

test('a bad key is reported in plain words', async () => {
  const { page, openai } = h
  await h.open('#/connections')
  await page.getByTestId('add-connection').click()
  const form = page.getByTestId('connection-form')
  await form.getByRole('radio', { name: 'OpenAI', exact: true }).check()
  await form
    .getByRole('textbox', { name: 'API key' })
    .fill('sk-proj-thisKeyIsWrong000000000000000000000000')
  await form.getByLabel('Base URL').fill(`${openai.url}/v1`)
  await form.getByRole('button', { name: 'Save' }).click()
  // Tested before saving: saving a failing connection asks first.
  await page.getByRole('dialog').getByRole('button', { name: 'Save anyway' }).click()
  const result = page.getByTestId('connection-row').getByTestId('test-result')
  await expect(result).toContainText('The key was rejected — check it and save again.')
})

test('a saved key does not follow a changed address: the form asks for it, the new server gets nothing', async () => {
  const { page, openai } = h
  const seen: { url: string; authorization: string | undefined }[] = []
  const other = createServer((req, res) => {
    seen.push({ url: req.url ?? '', authorization: req.headers.authorization })
    res.writeHead(401, { 'content-type': 'application/json' })
    res.end('{"error":{"message":"no"}}')
  })
  await new Promise<void>((done) => other.listen(0, '127.0.0.1', done))
  const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}/v1`
  try {
    await h.open('#/connections')
    await page.getByTestId('add-connection').click()
    let form = page.getByTestId('connection-form')
    await form.getByRole('radio', { name: 'OpenAI', exact: true }).check()
    await form.getByRole('textbox', { name: 'API key' }).fill(KEY)
    await form.getByLabel('Base URL').fill(`${openai.url}/v1`)
    await form.getByLabel('Label').fill('Proxy')
    await form.getByRole('button', { name: 'Save' }).click()
    const row = page.getByTestId('connection-row').filter({ hasText: 'Proxy' })
    await expect(row.getByTestId('test-result')).toContainText(/Connected/)

    await row.getByRole('button', { name: 'Edit' }).click()
    form = page.getByTestId('connection-form')
    const apiKey = form.getByRole('textbox', { name: 'API key' })
    await expect(apiKey).toHaveAttribute('placeholder', /leave empty to keep/)
    await form.getByLabel('Base URL').fill(otherUrl)
    await expect(apiKey).toHaveAttribute('aria-required', 'true')
    await expect(form).toContainText('The address changed, so the saved key is not sent there')
    await form.getByRole('button', { name: 'Save' }).click()
    await expect(form).toContainText('enter it again, or remove it')
    // Refused by the host: the connection still points where it did, and the other server
    // never heard from Parallax.
    await form.getByRole('button', { name: 'Cancel' }).click()
    await row.getByRole('button', { name: 'Test' }).click()
    await expect(row.getByTestId('test-result')).toContainText(/Connected/)
    expect(seen).toEqual([])

    await row.getByRole('button', { name: 'Edit' }).click()
    form = page.getByTestId('connection-form')
    await form.getByLabel('Base URL').fill(otherUrl)
    await form
      .getByRole('textbox', { name: 'API key' })
      .fill('sk-proj-aNewKeyForTheOtherServer0001')
    await form.getByRole('button', { name: 'Save' }).click()
    // The other server refuses the key (401), so saving asks first.
    await page.getByRole('dialog').getByRole('button', { name: 'Save anyway' }).click()
    await expect(page.getByTestId('connection-form')).toHaveCount(0)
    await expect.poll(() => seen.length).toBeGreaterThan(0)
    expect(
      seen.every((r) => r.authorization === 'Bearer sk-proj-aNewKeyForTheOtherServer0001'),
    ).toBe(true)
  } finally {
    await new Promise((done) => other.close(done))
  }
})
