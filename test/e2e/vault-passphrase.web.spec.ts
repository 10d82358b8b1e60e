import { chromium, expect, test, type Browser } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { FakeServer } from '../fakes/fake-script'
import { OPENAI_FAKE_DEFAULTS, startOpenAIFake } from '../fakes/openai/openai-fake'
import { CHROME_ARGS, findChrome } from './support/find-chrome'
import { hostRpc } from './support/host-rpc'
import { collectResponseBodies } from './support/response-bodies'
import { stopChild } from './support/spawn-until'

// `parallax serve --passphrase`: the vault is keyed by a passphrase, from the environment or
// typed in the browser; it never appears in an argument, a response, a log line or a file.

const PASS = 'correct horse battery staple'
const WRONG = 'wrong horse battery staple'
const KEY = OPENAI_FAKE_DEFAULTS.openaiKey
const READY = /^Parallax is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=([\w-]+))$/m

interface Host {
  url: string
  origin: string
  token: string
  output: () => string
  child: ChildProcess
}

/** Starts the built CLI; resolves when it is ready, or with its exit code and output. */
function serve(
  dataDir: string,
  args: string[],
  passphrase?: string,
): Promise<{ host: Host } | { code: number | null; output: string }> {
  const env = { ...process.env }
  delete env.PARALLAX_VAULT_PASSPHRASE
  if (passphrase !== undefined) env.PARALLAX_VAULT_PASSPHRASE = passphrase
  const child = spawn(
    process.execPath,
    [resolve('out/server/cli.js'), '--port', '0', '--data-dir', dataDir, ...args],
    { stdio: ['ignore', 'pipe', 'pipe'], env },
  )
  let output = ''
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the host did not start:\n${output}`)), 15_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = READY.exec(output)
      if (!match) return
      clearTimeout(timer)
      const url = match[1] as string
      done({
        host: {
          url,
          origin: new URL(url).origin,
          token: match[2] as string,
          output: () => output,
          child,
        },
      })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      done({ code, output })
    })
  })
}

async function started(dataDir: string, args: string[], passphrase?: string): Promise<Host> {
  const result = await serve(dataDir, args, passphrase)
  if (!('host' in result)) throw new Error(`exited with ${result.code}:\n${result.output}`)
  return result.host
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  )
}

let browser: Browser
let openai: FakeServer
let dataDir: string
const hosts: Host[] = []

test.beforeAll(async () => {
  const executablePath = findChrome()
  if (!executablePath) throw new Error('No Chrome or Chromium found: set CHROME_PATH.')
  browser = await chromium.launch({ executablePath, args: CHROME_ARGS })
  openai = await startOpenAIFake()
})
test.afterAll(async () => {
  await browser?.close()
  await openai?.close()
})
test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'parallax-e2e-vault-'))
})
test.afterEach(async () => {
  for (const host of hosts.splice(0)) await stopChild(host.child)
  rmSync(dataDir, { recursive: true, force: true })
})

test('sets, locks and unlocks a passphrase vault in the browser; the passphrase leaks nowhere', async () => {
  const host = await started(dataDir, ['--passphrase'])
  hosts.push(host)
  // The line after the address may arrive in a later chunk.
  await expect.poll(() => host.output()).toContain('The key vault is locked')
  const page = await (await browser.newContext({ locale: 'en-US' })).newPage()
  const bodies = collectResponseBodies(page)

  await page.goto(`${host.url}#/settings`)
  const section = page.getByTestId('settings-vault')
  await expect(section).toContainText('Choose at least 8 characters')
  await section.getByLabel('New passphrase').fill('short')
  await section.getByLabel('Repeat the passphrase').fill('short')
  await section.getByRole('button', { name: 'Set passphrase' }).click()
  await expect(section.getByRole('alert')).toHaveText('Choose at least 8 characters.')
  await section.getByLabel('New passphrase').fill(PASS)
  await section.getByLabel('Repeat the passphrase').fill(PASS)
  await section.getByRole('button', { name: 'Set passphrase' }).click()
  await expect(section.getByRole('button', { name: 'Lock' })).toBeVisible()

  const saved = await hostRpc(host, 'connections.create', {
    provider: 'openai',
    label: 'OpenAI — work',
    fields: { apiKey: KEY, baseURL: `${openai.url}/v1` },
  })
  expect(saved.ok).toBe(true)
  await section.getByRole('button', { name: 'Lock' }).click()
  await expect(section.getByLabel('Vault passphrase')).toBeVisible()

  // A fresh load, so the list holds the connection saved through the API.
  await page.goto(`${host.url}#/connections`)
  await page.reload()
  const banner = page.getByTestId('vault-status')
  await expect(banner).toContainText('Saved keys are locked')
  const row = page.getByTestId('connection-row').filter({ hasText: 'OpenAI — work' })
  await row.getByRole('button', { name: 'Test' }).click()
  await expect(row).toContainText(/locked/i)

  const vaultBefore = readFileSync(join(dataDir, 'vault.json'))
  await banner.getByLabel('Vault passphrase').fill(WRONG)
  await banner.getByRole('button', { name: 'Unlock' }).click()
  await expect(banner.getByRole('alert')).toHaveText('Wrong passphrase. Nothing was changed.')
  expect(readFileSync(join(dataDir, 'vault.json')).equals(vaultBefore)).toBe(true)

  await banner.getByLabel('Vault passphrase').fill(PASS)
  await banner.getByRole('button', { name: 'Unlock' }).click()
  await expect(banner).toContainText('unlocked until you lock them')
  await expect(row).toContainText(`•••• ${KEY.slice(-4)}`)
  await row.getByRole('button', { name: 'Test' }).click()
  await expect(row).not.toContainText(/locked/i)

  for (const secret of [PASS, WRONG]) {
    expect(bodies.join('\n')).not.toContain(secret)
    expect(host.output()).not.toContain(secret)
    for (const file of filesUnder(dataDir)) {
      expect(readFileSync(file).includes(secret), file).toBe(false)
    }
  }
})

test('PARALLAX_VAULT_PASSPHRASE opens the vault; a wrong one or a missing flag stops plainly', async () => {
  const first = await started(dataDir, ['--passphrase'], PASS)
  hosts.push(first)
  expect((await hostRpc(first, 'vault.status', {})).value).toMatchObject({
    keySource: 'passphrase',
    unlocked: true,
  })
  await stopChild(first.child)
  const vaultBefore = readFileSync(join(dataDir, 'vault.json'))

  const wrong = await serve(dataDir, ['--passphrase'], WRONG)
  expect(wrong).toMatchObject({ code: 1 })
  const wrongOutput = 'output' in wrong ? wrong.output : ''
  expect(wrongOutput).toContain('PARALLAX_VAULT_PASSPHRASE is not the passphrase')
  expect(wrongOutput).not.toContain(WRONG)

  const keyFile = await serve(dataDir, [])
  expect(keyFile).toMatchObject({ code: 1 })
  expect('output' in keyFile ? keyFile.output : '').toContain('Start with --passphrase')
  expect(readFileSync(join(dataDir, 'vault.json')).equals(vaultBefore)).toBe(true)
  expect(readdirSync(dataDir)).not.toContain('vault.key')
})
