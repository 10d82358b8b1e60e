import { expect, test, type Locator } from '@playwright/test'
import { pickModel, sendPrompt, startUiHarness, type UiHarness } from './support/ui-harness'

// Reasons a parameter is unavailable and hints under failures come from the library as codes;
// the Korean UI words them, so no English sentence reaches the person.

let h: UiHarness
test.beforeEach(async () => {
  h = await startUiHarness({ locale: 'ko-KR' })
})
test.afterEach(async () => {
  await h?.close()
})

// Names that stay as they are in any language, as in korean.web.spec.ts.
const NAMES = ['Parallax', 'OpenAI', 'API', 'URL', 'Top']

/** Latin words in what `scope` shows that are not a name or one of `allowed`. */
async function englishLeftovers(scope: Locator, allowed: string[]): Promise<string[]> {
  let text = await scope.innerText()
  for (const phrase of [...allowed].sort((a, b) => b.length - a.length)) {
    text = text.replaceAll(phrase, ' ')
  }
  text = text.replace(/https?:\/\/\S+|\/[\w./-]+|•+\s*\S{1,4}/g, ' ')
  return [...new Set(text.match(/[A-Za-z]{3,}/g) ?? [])].filter((w) => !NAMES.includes(w))
}

async function modelNames(): Promise<string[]> {
  const { connections } = await h.rpc<{ connections: { id: string }[] }>('connections.list', {})
  const names: string[] = []
  for (const { id } of connections) {
    const list = await h.rpc<{ models: { id: string; label: string }[] }>('models.list', {
      connectionId: id,
    })
    names.push(...list.models.flatMap((m) => [m.id, m.label]))
  }
  return names
}

test('an unavailable parameter says why in Korean', async () => {
  const { page } = h
  await h.addOpenAI('업무용 OpenAI')
  const allowed = await modelNames()
  await h.open('#/chat')

  await pickModel(page, 'chat-model-picker', 'gpt-4.1-mini')
  await page.getByTestId('toggle-parameters').click()
  const panel = page.getByTestId('parameters-panel')
  const effort = panel.getByTestId('param-reasoning_effort')
  await expect(effort).toHaveAttribute('data-support', 'unsupported')
  await expect(effort).toContainText(/GPT-4\.1 mini 모델은 추론 모델이 아닙니다\./)
  expect(await englishLeftovers(panel, allowed)).toEqual([])

  await pickModel(page, 'chat-model-picker', 'gpt-5.4-mini')
  const temperature = panel.getByTestId('param-temperature')
  await expect(temperature).toHaveAttribute('data-support', 'unsupported')
  await expect(temperature).toContainText(
    'gpt-5.4-mini 모델은 추론 모델이라 온도 파라미터를 받지 않습니다. 대신 추론 강도 파라미터를 사용하세요.',
  )
  expect(await englishLeftovers(panel, allowed)).toEqual([])
})

test('a failing connection test gives its hint in Korean, and no English sentence', async () => {
  const { page, openai } = h
  await h.rpc('connections.create', {
    provider: 'openai',
    label: '잘못된 키',
    fields: {
      apiKey: 'sk-proj-thisKeyIsWrong000000000000000000000000',
      baseURL: `${openai.url}/v1`,
    },
  })
  await h.open('#/connections')
  const row = page.getByTestId('connection-row')
  await row.getByRole('button', { name: '테스트', exact: true }).click()
  const result = row.getByTestId('test-result')
  await expect(result).toContainText(
    'API 키를 확인하세요. 폐기되었거나 잘못 입력되었을 수 있습니다.',
  )
  expect(await englishLeftovers(result, [])).toEqual([])

  // The provider's own message is kept, folded under a Korean label, for copying.
  const original = result.getByTestId('original-message')
  await expect(original.locator('summary')).toHaveText('원문 메시지')
  await original.locator('summary').click()
  await expect(original).toContainText(/Incorrect API key/i)
})

test('a failed run gives its hint in Korean, and no English sentence', async () => {
  const { page, openai } = h
  await h.addOpenAI('업무용 OpenAI')
  const allowed = await modelNames()
  openai.enqueue({ error: 'auth' })
  await h.open('#/chat')
  await pickModel(page, 'chat-model-picker', 'gpt-5.4-mini')
  await sendPrompt(page, '안녕하세요')
  const error = page.getByTestId('run-error')
  await expect(error).toContainText(
    'API 키를 확인하세요. 폐기되었거나 잘못 입력되었을 수 있습니다.',
  )
  expect(await englishLeftovers(error, allowed)).toEqual([])
  await expect(error.getByTestId('original-message').locator('summary')).toHaveText('원문 메시지')
})

test('a proxy’s sign-in page answered instead of the model: the hint in Korean, the page in the original', async () => {
  const { page, openai } = h
  await h.addOpenAI('업무용 OpenAI')
  const allowed = await modelNames()
  // Every attempt (the first and its retries) gets the page.
  openai.enqueue({ notAnAnswer: 'login_page', times: 5 })
  await h.open('#/chat')
  await pickModel(page, 'chat-model-picker', 'gpt-5.4-mini')
  await sendPrompt(page, '안녕하세요')
  const error = page.getByTestId('run-error')
  await expect(error).toContainText(
    '모델 API가 아닌 다른 곳(프록시 로그인 페이지, 게이트웨이, 캡티브 포털)이 응답했습니다.',
    { timeout: 30_000 },
  )
  expect(await englishLeftovers(error, allowed)).toEqual([])
  const original = error.getByTestId('original-message')
  await original.locator('summary').click()
  await expect(original).toContainText('Sign in to the corporate proxy')
})
