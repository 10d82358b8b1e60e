// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { RpcFailure } from '../../../shared/rpc-result'
import { SettingsScreen } from './settings-screen'
import { defaultSettings } from '../test-support/default-handlers'
import { createFakeClient } from '../test-support/fake-client'
import { renderWithApp } from '../test-support/render-with-app'

afterEach(cleanup)

const vault = {
  kind: 'aes-gcm',
  keySource: 'key-file' as const,
  created: true,
  secure: true,
  note: '',
  unlocked: true,
  count: 0,
  consentRequired: false,
}

/** A host that remembers the folder chosen for the next start, as the core does. */
function setup(language: 'en' | 'ko' = 'en') {
  let next: { path: string; copy: boolean | undefined } | null = null
  const view = () => ({
    ...defaultSettings,
    nextDataDir: next?.path ?? null,
    nextCopiesData: next?.copy === true,
    nextDataDirApplies: next ? ('accept_flag' as const) : null,
  })
  const client = createFakeClient({
    'vault.status': () => vault,
    'settings.get': view,
    'settings.chooseDataDir': ({ path, copyData }) => {
      if (path === '/mnt/full') {
        throw new RpcFailure('invalid_input', 'already holds data', 'path', 'holds_data')
      }
      next = path === null || path === defaultSettings.dataDir ? null : { path, copy: copyData }
      return view()
    },
  })
  renderWithApp(<SettingsScreen />, client, { language })
  return client
}

describe('choosing the data folder', () => {
  it('says when a start-up flag decides the folder', async () => {
    const client = createFakeClient({
      'vault.status': () => vault,
      'settings.get': () => ({ ...defaultSettings, dataDirSource: 'flag' }),
    })
    renderWithApp(<SettingsScreen />, client)
    expect((await screen.findByText(/--data-dir/)).textContent).toContain('wins over')
  })

  it('with --data-dir in force and nothing chosen, says the default folder needs a start without it', async () => {
    // What the core reports for `--data-dir /mnt/scratch` with no folder chosen in Settings.
    const flagged = {
      ...defaultSettings,
      dataDir: '/mnt/scratch',
      dataDirSource: 'flag' as const,
      nextDataDir: defaultSettings.dataDir,
      nextDataDirApplies: 'next_start' as const,
    }
    const client = createFakeClient({
      'vault.status': () => vault,
      'settings.get': () => flagged,
    })
    renderWithApp(<SettingsScreen />, client)
    const next = await screen.findByTestId('data-dir-next')
    expect(next.textContent).toContain(
      'Started without --data-dir, Parallax uses /home/ada/.parallax.',
    )
    expect(next.textContent).not.toContain('From the next start')
    cleanup()

    renderWithApp(<SettingsScreen />, client, { language: 'ko' })
    expect((await screen.findByTestId('data-dir-next')).textContent).toContain(
      '--data-dir 없이 시작하면 Parallax는 /home/ada/.parallax 폴더를 사용합니다.',
    )
  })

  it('says "from the next start" when nothing overrides the folder', async () => {
    const client = createFakeClient({
      'vault.status': () => vault,
      'settings.get': () => ({
        ...defaultSettings,
        dataDirSource: 'chosen' as const,
        nextDataDir: '/mnt/other',
        nextDataDirApplies: 'next_start' as const,
      }),
    })
    renderWithApp(<SettingsScreen />, client)
    expect((await screen.findByTestId('data-dir-next')).textContent).toContain(
      'From the next start Parallax uses /mnt/other.',
    )
  })

  it('saves a folder for the next start with the data copied, and can take it back', async () => {
    const client = setup()
    expect((await screen.findByTestId('settings-data-dir')).textContent).toContain(
      '/home/ada/.parallax',
    )
    expect(screen.getByText(/the default/)).toBeTruthy()
    fireEvent.click(screen.getByTestId('data-dir-change'))
    fireEvent.change(screen.getByLabelText('New data folder'), {
      target: { value: '  /mnt/big disk/Parallax  ' },
    })
    expect((screen.getByTestId('data-dir-copy') as HTMLInputElement).checked).toBe(true)
    fireEvent.click(screen.getByTestId('data-dir-apply'))
    await waitFor(() =>
      expect(client.callsTo('settings.chooseDataDir')).toEqual([
        { path: '/mnt/big disk/Parallax', copyData: true },
      ]),
    )
    const pending = await screen.findByTestId('data-dir-next')
    // The page says what happens: nothing moves until a start with --accept-data-dir.
    expect(pending.textContent).toContain(
      'Parallax moves to /mnt/big disk/Parallax when it is next started with --accept-data-dir',
    )
    expect(pending.textContent).toContain('A start without it keeps the current folder')
    expect(pending.textContent).toContain('copied there first')
    // The folder in use does not change until the next start.
    expect(screen.getByTestId('settings-data-dir').textContent).toContain('/home/ada/.parallax')

    fireEvent.click(screen.getByRole('button', { name: 'Keep using the current folder' }))
    await waitFor(() => expect(screen.queryByTestId('data-dir-next')).toBeNull())
    expect(client.callsTo('settings.chooseDataDir').at(-1)).toEqual({
      path: '/home/ada/.parallax',
      copyData: false,
    })
  })

  it('says in Korean why a folder was refused, and checks the obvious before asking', async () => {
    const client = setup('ko')
    fireEvent.click(await screen.findByTestId('data-dir-change'))
    const input = screen.getByLabelText('새 데이터 폴더')
    fireEvent.click(screen.getByTestId('data-dir-apply'))
    expect((await screen.findByRole('alert')).textContent).toContain(
      '폴더의 전체 경로를 입력하세요.',
    )
    fireEvent.change(input, { target: { value: '/home/ada/.parallax/' } })
    fireEvent.click(screen.getByTestId('data-dir-apply'))
    expect((await screen.findByRole('alert')).textContent).toContain('이미 이 폴더를 쓰고 있습니다')
    expect(client.callsTo('settings.chooseDataDir')).toEqual([])

    fireEvent.change(input, { target: { value: '/mnt/full' } })
    fireEvent.click(screen.getByTestId('data-dir-copy'))
    fireEvent.click(screen.getByTestId('data-dir-copy'))
    fireEvent.click(screen.getByTestId('data-dir-apply'))
    expect((await screen.findByRole('alert')).textContent).toContain('이미 Parallax 데이터가 있어')
    expect(input.getAttribute('aria-invalid')).toBe('true')
    expect(screen.queryByTestId('data-dir-next')).toBeNull()
  })

  it('in the desktop app, chooses in the native dialog and never sends a typed path', async () => {
    let next: string | null = null
    const view = () => ({
      ...defaultSettings,
      dataDirChooser: 'dialog' as const,
      nextDataDir: next,
      nextCopiesData: next !== null,
      nextDataDirApplies: next ? ('next_start' as const) : null,
    })
    const client = createFakeClient({
      'vault.status': () => vault,
      'settings.get': view,
      'settings.pickDataDir': () => {
        next = '/Volumes/Data/Parallax'
        return view()
      },
    })
    renderWithApp(<SettingsScreen />, client)
    fireEvent.click(await screen.findByTestId('data-dir-change'))
    expect(screen.queryByLabelText('New data folder')).toBeNull()
    expect(screen.getByText(/Choose the folder in the window that opens/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Choose folder…' }))
    await waitFor(() =>
      expect(client.callsTo('settings.pickDataDir')).toEqual([{ copyData: true }]),
    )
    expect((await screen.findByTestId('data-dir-next')).textContent).toContain(
      'From the next start Parallax uses /Volumes/Data/Parallax',
    )
    expect(client.callsTo('settings.chooseDataDir')).toEqual([])
  })

  it('words a refusal and a folder waiting for confirmation in Korean', async () => {
    const client = createFakeClient({
      'vault.status': () => vault,
      'settings.get': () => ({
        ...defaultSettings,
        dataDirChooser: 'dialog' as const,
        nextDataDir: '/mnt/typed',
        nextDataDirApplies: 'confirm' as const,
      }),
      'settings.pickDataDir': () => {
        throw new RpcFailure('invalid_input', 'no dialog', undefined, 'no_dialog')
      },
    })
    renderWithApp(<SettingsScreen />, client, { language: 'ko' })
    expect((await screen.findByTestId('data-dir-next')).textContent).toContain(
      '웹 페이지에서 /mnt/typed 폴더를 선택했습니다',
    )
    fireEvent.click(screen.getByTestId('data-dir-change'))
    fireEvent.click(screen.getByTestId('data-dir-pick'))
    expect((await screen.findByRole('alert')).textContent).toContain('폴더 선택 창이 없습니다')
  })
})
