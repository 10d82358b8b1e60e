// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { NoticeBanner } from '../components/notice-banner'
import { I18nProvider, type Language } from '../i18n/i18n'
import { createFakeClient } from '../test-support/fake-client'

afterEach(cleanup)

const BACKUP = 'history-2026-12-02T090000.sqlite'

function show(language: Language, restorable?: string) {
  const client = createFakeClient({
    'app.notices': () => ({
      notices: [
        {
          level: 'warning',
          code: 'history.moved_aside',
          at: 1,
          detail: '/data/history.sqlite.unreadable-20261203T090000000Z',
          ...(restorable ? { restorable } : {}),
        },
      ],
    }),
    'history.restore': ({ backup }) => ({ backup, restartRequired: true as const }),
  })
  render(
    <I18nProvider language={language}>
      <NoticeBanner client={client} />
    </I18nProvider>,
  )
  return client
}

describe('the "history moved aside" notice', () => {
  it('offers to restore the newest backup and asks the host for exactly that one', async () => {
    const client = show('en', BACKUP)
    fireEvent.click(await screen.findByRole('button', { name: 'Restore the newest backup' }))
    await waitFor(() => expect(client.callsTo('history.restore')).toEqual([{ backup: BACKUP }]))
    expect(await screen.findByText(/Restart Parallax to finish/)).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Restore the newest backup' })).toBeNull()
  })

  it('offers nothing when there is no backup, and speaks Korean', async () => {
    show('ko')
    expect((await screen.findByRole('status')).textContent).toContain('새로 시작했습니다')
    expect(screen.queryByRole('button', { name: '최신 백업 복원' })).toBeNull()
    cleanup()
    show('ko', BACKUP)
    expect(await screen.findByRole('button', { name: '최신 백업 복원' })).toBeTruthy()
  })
})
