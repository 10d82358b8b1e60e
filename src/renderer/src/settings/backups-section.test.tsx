// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { RpcFailure } from '../../../shared/rpc-result'
import { BackupsSection } from './backups-section'
import { createFakeClient } from '../test-support/fake-client'
import { renderWithApp } from '../test-support/render-with-app'

afterEach(cleanup)

const NEWEST = 'history-2026-12-03T090000.sqlite'
const OLDER = 'history-2026-12-01T090000-before-migration.sqlite'

function setup(language: 'en' | 'ko' = 'en') {
  let pending: string | null = null
  const client = createFakeClient({
    'history.backups': () => ({
      backups: [
        { file: NEWEST, createdAt: Date.UTC(2026, 11, 3, 9), size: 2_400_000, reason: 'daily' },
        { file: OLDER, createdAt: Date.UTC(2026, 11, 1, 9), size: 900, reason: 'migration' },
      ],
      pendingRestore: pending,
    }),
    'history.restore': ({ backup }) => {
      if (backup !== NEWEST && backup !== OLDER)
        throw new RpcFailure('invalid_input', 'no', 'backup')
      pending = backup
      return { backup, restartRequired: true as const }
    },
  })
  renderWithApp(<BackupsSection />, client, { language })
  return { client, section: () => screen.getByTestId('settings-backups') }
}

describe('BackupsSection', () => {
  it('lists the backups and restores one only after the confirm dialog', async () => {
    const { client, section } = setup()
    const rows = await within(section()).findAllByRole('row')
    expect(rows).toHaveLength(3) // header + 2
    expect(rows[1]?.textContent).toContain('Daily')
    expect(rows[1]?.textContent).toContain('2.3 MB')
    expect(rows[2]?.textContent).toContain('Before an update')

    const restore = within(rows[2] as HTMLElement).getByRole('button', {
      name: /Restore the backup from/,
    })
    fireEvent.click(restore)
    const dialog = await screen.findByTestId('restore-backup-dialog')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(client.callsTo('history.restore')).toEqual([])

    fireEvent.click(restore)
    fireEvent.click(
      within(await screen.findByTestId('restore-backup-dialog')).getByRole('button', {
        name: 'Restore at next start',
      }),
    )
    await waitFor(() => expect(client.callsTo('history.restore')).toEqual([{ backup: OLDER }]))
    expect(await within(section()).findByRole('status')).toHaveProperty(
      'textContent',
      expect.stringContaining('Restart Parallax to finish'),
    )
    expect(screen.queryByTestId('restore-backup-dialog')).toBeNull()
  })

  it('speaks Korean', async () => {
    const { section } = setup('ko')
    await within(section()).findAllByRole('row')
    expect(section().textContent).toContain('백업')
    expect(section().textContent).toContain('업데이트 전')
    expect(within(section()).getAllByRole('button', { name: /백업 복원/ })).toHaveLength(2)
  })
})
