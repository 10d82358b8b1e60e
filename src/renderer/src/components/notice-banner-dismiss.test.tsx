// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Notice } from '../../../shared/contract'
import { getPref, resetPrefs } from '../app/prefs-store'
import { I18nProvider } from '../i18n/i18n'
import { createFakeClient } from '../test-support/fake-client'
import { NoticeBanner } from './notice-banner'

afterEach(cleanup)
beforeEach(() => resetPrefs())

const pending = (dataDir: string, at: number): Notice => ({
  level: 'info',
  code: 'data.pending',
  at,
  detail: dataDir,
})

function start(notices: Notice[]) {
  const client = createFakeClient({ 'app.notices': () => ({ notices }) })
  render(
    <I18nProvider language="en">
      <NoticeBanner client={client} />
    </I18nProvider>,
  )
  return client
}

describe('dismissing a notice', () => {
  it('keeps a start-up notice a later start repeats dismissed, but not a different one', async () => {
    start([pending('/mnt/disk/Parallax', 1)])
    const banner = await screen.findByRole('status')
    fireEvent.click(buttonIn(banner, 'Dismiss'))
    expect(screen.queryByRole('status')).toBeNull()
    expect(getPref('dismissed')?.notices).toEqual(['data.pending:/mnt/disk/Parallax'])
    cleanup()

    // The next start reports the same waiting folder (a new time), and another one.
    start([pending('/mnt/disk/Parallax', 2), pending('/mnt/other/Parallax', 2)])
    const shown = await screen.findAllByRole('status')
    expect(shown.map((notice) => notice.textContent)).toEqual([
      expect.stringContaining('/mnt/other/Parallax'),
    ])
  })

  it('does not keep the dismissal of a live notice such as the host stopping', async () => {
    const client = start([])
    act(() => client.emit('app.notice', { level: 'warning', code: 'host.stopping', at: 5 }))
    fireEvent.click(buttonIn(await screen.findByRole('status'), 'Dismiss'))
    expect(getPref('dismissed')).toBeUndefined()
  })
})

function buttonIn(element: HTMLElement, name: string): HTMLElement {
  const button = [...element.querySelectorAll('button')].find((b) => b.textContent === name)
  if (!button) throw new Error(`No "${name}" button`)
  return button
}
