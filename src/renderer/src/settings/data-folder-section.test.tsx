// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { RpcFailure } from '../../../shared/rpc-result'
import { SettingsScreen } from './settings-screen'
import { createFakeClient, defaultSettings } from './test-support/fake-client'
import { renderWithApp } from './test-support/render-with-app'

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
  renderWithApp(<SettingsScreen />, client, language)
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
    expect(pending.textContent).toContain(
      'From the next start Parallax uses /mnt/big disk/Parallax',
    )
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
})
