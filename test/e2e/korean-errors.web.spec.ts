import { chromium, expect, test, type Locator } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { CHROME_ARGS, findChrome } from './support/find-chrome'
import { spawnUntil, stopChild } from './support/spawn-until'
import { pickModel, startUiHarness, type UiHarness } from './support/ui-harness'

// Notes on parameters and the host's refusals arrive as codes with details, and a call that gets
// no answer is a coded failure of its own: the Korean UI words each, so no English sentence (and
// never the browser's "Failed to fetch") reaches the person.

// Names that stay as they are in any language, as in korean.web.spec.ts.
const NAMES = ['Parallax', 'OpenAI', 'Anthropic', 'API', 'URL', 'Top', 'JSON', 'HTTP']
const BROWSER_WORDS = /Failed to fetch|NetworkError|Load failed|ECONNREFUSED/i

/** Latin words in what `scope` shows that are not a name or one of `allowed`. */
async function englishLeftovers(scope: Locator, allowed: string[] = []): Promise<string[]> {
  let text = await scope.innerText()
  for (const phrase of [...allowed].sort((a, b) => b.length - a.length)) {
    text = text.replaceAll(phrase, ' ')
  }
  text = text.replace(/https?:\/\/\S+|\/[\w./-]+|•+\s*\S{1,4}/g, ' ')
  return [...new Set(text.match(/[A-Za-z]{3,}/g) ?? [])].filter((w) => !NAMES.includes(w))
}

test.describe('with the usual host', () => {
  let h: UiHarness
  test.beforeEach(async () => {
    h = await startUiHarness({ locale: 'ko-KR' })
  })
  test.afterEach(async () => {
    await h?.close()
  })

  test('a parameter note from the library reads in Korean', async () => {
    const { page } = h
    await h.addAnthropic('업무용 Anthropic')
    await h.open('#/chat')
    await pickModel(page, 'chat-model-picker', 'claude-sonnet-4-6')
    await page.getByTestId('toggle-parameters').click()
    const panel = page.getByTestId('parameters-panel')
    // max_tokens is supported with a note (max_tokens_required), shown in its help.
    const maxTokens = panel.getByTestId('param-max_tokens')
    await expect(maxTokens).toHaveAttribute('data-support', 'supported')
    await maxTokens.locator('.param-info').click()
    const help = maxTokens.locator('.param-help')
    await expect(help).toContainText(
      'Anthropic API에서는 필수입니다. 비워 두면 모델의 최대 출력 토큰 수를 보냅니다.',
    )
    await expect(help).not.toContainText('Required by Anthropic')
    // “length” is the finish reason's own name, as the help names it.
    expect(await englishLeftovers(help, ['“length”'])).toEqual([])
    // The API's name, as unsupported reasons name it.
    const names = ['claude-sonnet-4-6', 'Claude Sonnet 4.6', '“length”', 'Anthropic Messages']
    expect(await englishLeftovers(panel, names)).toEqual([])
  })

  test('importing a file that is not an export says why in Korean', async () => {
    const { page } = h
    await h.open('#/chat')
    await page.getByTestId('history-import-file').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('this is not JSON'),
    })
    const status = page.locator('.history-status')
    await expect(status).toContainText(
      '가져오지 못했습니다: JSON 파일이 아닙니다. Parallax 기록 내보내기 파일을 선택하세요.',
    )
    expect(await englishLeftovers(status)).toEqual([])
  })

  test('a stopped host: plain Korean with what to do, never "Failed to fetch"', async () => {
    const { page } = h
    await h.open('#/chat')
    await expect(page.getByTestId('history-import-file')).toBeAttached()
    await h.app.stop()
    await page.evaluate(() => {
      window.location.hash = '#/c/conversation-that-was-there'
    })
    // Whichever call meets the stopped host first says it: the conversation that cannot be
    // opened, or the page itself when another of its calls fails first.
    const alert = page
      .getByRole('alert')
      .filter({ hasText: 'Parallax가 실행 중이 아니거나 연결할 수 없습니다.' })
      .first()
    await expect(alert).toContainText(
      /(이 대화를 열 수 없습니다|호스트가 응답하지 않았습니다): Parallax가 실행 중이 아니거나 연결할 수 없습니다\. Parallax를 다시 시작한 뒤 이 페이지를 새로 고치세요\./,
    )
    expect(await englishLeftovers(alert)).toEqual([])
    await expect(page.locator('body')).not.toContainText(BROWSER_WORDS)
  })
})

test('a wrong passphrase is refused in Korean', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parallax-e2e-'))
  const { child, match } = await spawnUntil(
    [resolve('out/server/cli.js'), '--port', '0', '--data-dir', dataDir, '--passphrase'],
    /^Parallax is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))$/m,
  )
  const executablePath = findChrome()
  if (!executablePath) throw new Error('No Chrome or Chromium found.')
  const browser = await chromium.launch({ executablePath, args: CHROME_ARGS })
  try {
    const [url, port, token] = [match[1] as string, match[2] as string, match[3] as string]
    const rpc = async (method: string, input: unknown) => {
      const response = await fetch(`http://127.0.0.1:${port}/api/rpc/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      })
      expect(((await response.json()) as { ok: boolean }).ok).toBe(true)
    }
    // The first unlock of a new vault sets its passphrase.
    await rpc('vault.unlock', { passphrase: 'correct horse battery staple' })
    await rpc('vault.lock', {})

    const page = await (await browser.newContext({ locale: 'ko-KR' })).newPage()
    await page.goto(`${url}#/connections`)
    const banner = page.getByTestId('vault-status')
    await banner.getByLabel('키 보관함 암호 문구').fill('wrong horse battery staple')
    await banner.getByRole('button', { name: '잠금 해제' }).click()
    const alert = banner.getByRole('alert')
    await expect(alert).toHaveText('암호 문구가 틀렸습니다. 아무것도 바뀌지 않았습니다.')
    expect(await englishLeftovers(alert)).toEqual([])
    await expect(page.locator('body')).not.toContainText('Wrong passphrase')
  } finally {
    await browser.close()
    await stopChild(child)
    rmSync(dataDir, { recursive: true, force: true })
  }
})
