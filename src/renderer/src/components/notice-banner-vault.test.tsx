// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Notice } from '../../../shared/contract'
import { I18nProvider, type Language } from '../i18n/i18n'
import { createFakeClient } from '../test-support/fake-client'
import { NoticeBanner } from './notice-banner'

afterEach(cleanup)

const KEPT = '/data/Parallax/vault.json.unreadable-20250601T120000000Z'

function show(code: Notice['code'], language: Language) {
  const client = createFakeClient({
    'app.notices': () => ({ notices: [{ level: 'warning', code, at: 1, detail: KEPT }] }),
  })
  render(
    <I18nProvider language={language}>
      <NoticeBanner client={client} />
    </I18nProvider>,
  )
}

describe('the start-up notice for a vault that could not be decrypted', () => {
  it('says why, where the old vault was kept, and what to do', async () => {
    show('vault.key_file_replaced', 'en')
    const text = (await screen.findByRole('status')).textContent ?? ''
    expect(text).toContain(
      'Saved keys could not be decrypted: the key file (vault.key) was replaced.',
    )
    expect(text).toContain(`kept, not deleted, at ${KEPT}`)
    expect(text).toContain('Enter each key again in Connections.')
    cleanup()

    show('vault.keychain_changed', 'en')
    expect((await screen.findByRole('status')).textContent).toContain('the OS keychain changed')
    cleanup()

    show('vault.key_file_missing', 'ko')
    const ko = (await screen.findByRole('status')).textContent ?? ''
    expect(ko).toContain('키 파일(vault.key)이 없어 새로 만들었습니다.')
    expect(ko).toContain(KEPT)
  })
})
