import { chromium, expect, test, type Browser, type Page } from '@playwright/test'
import { CHROME_ARGS, findChrome } from './support/find-chrome'
import { startServedApp, type ServedApp } from './support/start-served-app'

let app: ServedApp
let browser: Browser

test.beforeAll(async () => {
  const executablePath = findChrome()
  if (!executablePath) {
    throw new Error('No Chrome or Chromium found: install one, or set CHROME_PATH to its binary.')
  }
  browser = await chromium.launch({ executablePath, args: CHROME_ARGS })
})

test.afterAll(async () => {
  await browser?.close()
})

test.beforeEach(async () => {
  app = await startServedApp()
})

test.afterEach(async () => {
  await app?.stop()
})

test('the renderer shows app.info that came through the contract from the web host', async () => {
  const context = await browser.newContext({ locale: 'en-US' })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  const rpcCalls: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/api/rpc/')) rpcCalls.push(new URL(request.url()).pathname)
  })

  await page.goto(`${app.url}#/settings`)
  // The token left the address bar once it was exchanged for the cookie.
  expect(new URL(page.url()).searchParams.has('token')).toBe(false)

  // The data folder is a fresh random path only the server knows: it cannot be static text.
  await expect(page.getByTestId('app-info-data-dir')).toHaveText(app.dataDir)
  await expect(page.getByTestId('app-info-host')).toHaveText('Browser (web host)')
  await expect(page.getByTestId('app-info-node')).toHaveText(process.versions.node)
  await expect(page.getByTestId('app-info-version')).toHaveText(/^\d+\.\d+\.\d+/)
  await expect(page.getByTestId('app-info-electron')).toHaveCount(0)
  expect(rpcCalls).toContain('/api/rpc/app.info')

  const cookies = await context.cookies()
  const session = cookies.find((cookie) => cookie.name === `parallax_token_${app.port}`)
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' })
  expect(await page.evaluate(() => document.cookie)).toBe('')
  expect(problems).toEqual([])
  await context.close()
})

test('without the token the page explains how to sign in and no data leaks', async () => {
  const context = await browser.newContext({ locale: 'en-US' })
  const page = await context.newPage()
  await page.goto(app.origin)
  await expect(page.getByRole('alert')).toContainText('npm run serve')
  await expect(page.getByTestId('app-info-data-dir')).toHaveCount(0)
  await context.close()
})

test('the screen follows a Korean OS language', async () => {
  const context = await browser.newContext({ locale: 'ko-KR' })
  const page = await context.newPage()
  await page.goto(`${app.url}#/settings`)
  await expect(page.getByRole('heading', { name: '설치 정보' })).toBeVisible()
  await expect(page.getByTestId('app-info-host')).toHaveText('브라우저(웹 호스트)')
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko')
  await context.close()
})

/** Opens Settings and waits until the page's event stream is connected to the host. */
async function openWithEventStream(page: Page): Promise<void> {
  const connected = page.waitForResponse(
    (response) => new URL(response.url()).pathname === '/api/events' && response.status() === 200,
  )
  await page.goto(`${app.url}#/settings`)
  await expect(page.getByTestId('app-info-data-dir')).toHaveText(app.dataDir)
  await connected
}

test('an event pushed by the host over SSE reaches the screen', async () => {
  const context = await browser.newContext({ locale: 'en-US' })
  const page = await context.newPage()
  await openWithEventStream(page)
  // Stopping the server makes it push `app.notice` before it closes the stream.
  await app.stop()
  await expect(
    page.getByRole('status').filter({ hasText: 'The Parallax server has stopped' }),
  ).toBeVisible()
  // The stream ending right after that notice is expected, so no second banner follows it.
  await page.waitForTimeout(500)
  await expect(page.getByRole('status').filter({ hasText: 'Parallax server' })).toHaveCount(1)
  await context.close()
})

test('a server that dies without a word is reported as unreachable', async () => {
  const context = await browser.newContext({ locale: 'en-US' })
  const page = await context.newPage()
  await openWithEventStream(page)
  app.process.kill('SIGKILL')
  await expect(
    page.getByRole('status').filter({ hasText: 'Lost the connection to the Parallax server' }),
  ).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Parallax server' })).toHaveCount(1)
  await context.close()
})

test('the strict Content-Security-Policy blocks inline script in the served page', async () => {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`${app.url}#/settings`)
  await expect(page.getByTestId('app-info-data-dir')).toHaveText(app.dataDir)
  const ran = await page.evaluate(async () => {
    const marker = window as unknown as { injected?: boolean }
    const script = document.createElement('script')
    script.textContent = 'window.injected = true'
    document.body.append(script)
    await new Promise((done) => setTimeout(done, 50))
    return marker.injected === true
  })
  expect(ran).toBe(false)
  await context.close()
})
