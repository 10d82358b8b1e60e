// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createFakeClient } from '../test-support/fake-client'
import { renderWithApp } from '../test-support/render-with-app'
import { ConnectionTestStatus } from './connection-test-status'

const REJECTED = {
  ok: false,
  kind: 'auth',
  message: 'Incorrect API key provided: sk-proj-****0000.',
  hint: 'Check the API key at https://platform.openai.com/api-keys; it may have been revoked or mistyped.',
  hintCode: 'check_api_key',
  hintDetails: { provider: 'OpenAI' },
  ms: 12,
  warnings: [],
}

afterEach(cleanup)

describe('a connection test’s outcome', () => {
  it('says in Korean what happened and what to do; the provider’s own words fold away', () => {
    renderWithApp(
      <ConnectionTestStatus state={{ status: 'done', result: REJECTED }} />,
      createFakeClient(),
      { language: 'ko' },
    )
    const status = screen.getByTestId('test-result')
    expect(status.textContent).toContain(
      'API 키를 확인하세요. 폐기되었거나 잘못 입력되었을 수 있습니다.',
    )
    expect(status.textContent).not.toContain('Check the API key')
    const original = screen.getByTestId('original-message')
    expect(original.tagName).toBe('DETAILS')
    expect(original.hasAttribute('open')).toBe(false)
    expect(original.querySelector('summary')?.textContent).toBe('원문 메시지')
    expect(original.textContent).toContain('Incorrect API key provided')
  })

  it('says a key works when no deployment of that name exists, in the page’s language', () => {
    const result = { ok: true, missingDeployment: 'gpt-prod', ms: 40, warnings: [] }
    renderWithApp(<ConnectionTestStatus state={{ status: 'done', result }} />, createFakeClient(), {
      language: 'ko',
    })
    expect(screen.getByTestId('test-result').textContent).toContain(
      '키는 작동합니다. 다만 “gpt-prod” 이름의 배포가 없어 응답을 받을 수는 없습니다.',
    )
  })
})
