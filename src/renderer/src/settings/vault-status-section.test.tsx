// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createFakeClient, type FakeHandlers } from '../test-support/fake-client'
import { createFakePassphraseVault } from '../test-support/passphrase-vault'
import { renderWithApp } from '../test-support/render-with-app'
import { VaultStatusSection } from './vault-status-section'

afterEach(cleanup)

const PASS = 'correct horse battery staple'

function setup(
  start: { passphrase: string | null; unlocked: boolean },
  overrides: FakeHandlers = {},
  language: 'en' | 'ko' = 'en',
) {
  const vault = createFakePassphraseVault(start)
  const client = createFakeClient({ ...vault.handlers, ...overrides })
  renderWithApp(<VaultStatusSection />, client, { language })
  return { client, vault, section: () => screen.getByTestId('settings-vault') }
}

function type(label: string | RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
}

describe('VaultStatusSection — a passphrase vault', () => {
  it('unlocks with the right passphrase after a wrong one is refused plainly', async () => {
    const { client, vault, section } = setup({ passphrase: PASS, unlocked: false })
    const input = await screen.findByLabelText<HTMLInputElement>('Vault passphrase')
    expect(input.type).toBe('password')
    expect(section().textContent).toContain('derived from your passphrase')

    type('Vault passphrase', 'not the passphrase')
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toBe('Wrong passphrase. Nothing was changed.')
    expect(input.getAttribute('aria-invalid')).toBe('true')
    expect(input.getAttribute('aria-describedby')).toContain(alert.id)
    expect(input.value).toBe('')
    expect(vault.unlocked()).toBe(false)
    expect(screen.queryByRole('button', { name: 'Lock' })).toBeNull()

    type('Vault passphrase', PASS)
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }))
    await screen.findByRole('button', { name: 'Lock' })
    expect(screen.queryByLabelText('Vault passphrase')).toBeNull()
    expect(section().textContent).toContain('Unlocked: saved keys can be used')
    expect(client.callsTo('vault.unlock')).toEqual([
      { passphrase: 'not the passphrase' },
      { passphrase: PASS },
    ])
    // The passphrase is not kept anywhere on the page.
    expect(document.body.innerHTML).not.toContain(PASS)
  })

  it('asks for nothing to be sent when the field is empty', async () => {
    const { client } = setup({ passphrase: PASS, unlocked: false })
    fireEvent.click(await screen.findByRole('button', { name: 'Unlock' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Enter the passphrase.')
    expect(client.callsTo('vault.unlock')).toEqual([])
  })

  it('on a new vault, asks for 8+ characters typed twice before setting the passphrase', async () => {
    const { client, vault, section } = setup({ passphrase: null, unlocked: false })
    await screen.findByLabelText('New passphrase')
    expect(section().textContent).toContain('Choose at least 8 characters')
    const submit = screen.getByRole('button', { name: 'Set passphrase' })

    type('New passphrase', 'short')
    type('Repeat the passphrase', 'short')
    fireEvent.click(submit)
    expect((await screen.findByRole('alert')).textContent).toBe('Choose at least 8 characters.')

    type('New passphrase', PASS)
    type('Repeat the passphrase', `${PASS}!`)
    fireEvent.click(submit)
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('The two passphrases are different.'),
    )
    expect(client.callsTo('vault.unlock')).toEqual([])

    type('Repeat the passphrase', PASS)
    fireEvent.click(submit)
    await screen.findByRole('button', { name: 'Lock' })
    expect(vault.passphrase()).toBe(PASS)
    expect(client.callsTo('vault.unlock')).toEqual([{ passphrase: PASS }])
  })

  it('locks an unlocked vault, which then asks for the passphrase again', async () => {
    const { client, vault } = setup({ passphrase: PASS, unlocked: true })
    fireEvent.click(await screen.findByRole('button', { name: 'Lock' }))
    await screen.findByLabelText('Vault passphrase')
    expect(vault.unlocked()).toBe(false)
    expect(client.callsTo('vault.lock')).toEqual([{}])
  })

  it('changes the passphrase, refusing a wrong current one on its own field', async () => {
    const { client, vault } = setup({ passphrase: PASS, unlocked: true })
    fireEvent.click(await screen.findByRole('button', { name: 'Change passphrase…' }))
    const form = screen.getByRole('group', { name: 'Change passphrase' })
    type('Current passphrase', 'wrong current')
    type('New passphrase', 'the next passphrase')
    type('Repeat the new passphrase', 'the next passphrase')
    fireEvent.click(within(form).getByRole('button', { name: 'Change passphrase' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toBe('The current passphrase is wrong. Nothing was changed.')
    const current = screen.getByLabelText('Current passphrase')
    expect(current.getAttribute('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(current)
    expect(vault.passphrase()).toBe(PASS)

    type('Current passphrase', PASS)
    fireEvent.click(within(form).getByRole('button', { name: 'Change passphrase' }))
    await screen.findByText('Passphrase changed.')
    expect(screen.queryByRole('group', { name: 'Change passphrase' })).toBeNull()
    expect(vault.passphrase()).toBe('the next passphrase')
    expect(client.callsTo('vault.changePassphrase')).toEqual([
      { current: 'wrong current', next: 'the next passphrase' },
      { current: PASS, next: 'the next passphrase' },
    ])
  })

  it('checks the new passphrase before sending a change', async () => {
    const { client } = setup({ passphrase: PASS, unlocked: true })
    fireEvent.click(await screen.findByRole('button', { name: 'Change passphrase…' }))
    type('Current passphrase', PASS)
    type('New passphrase', 'short')
    type('Repeat the new passphrase', 'short')
    fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Choose at least 8 characters.')
    expect(document.activeElement).toBe(screen.getByLabelText('New passphrase'))
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByLabelText('Current passphrase')).toBeNull()
    expect(client.callsTo('vault.changePassphrase')).toEqual([])
  })

  it('speaks Korean', async () => {
    setup({ passphrase: PASS, unlocked: false }, {}, 'ko')
    await screen.findByLabelText('키 보관함 암호 문구')
    type('키 보관함 암호 문구', 'wrong passphrase')
    fireEvent.click(screen.getByRole('button', { name: '잠금 해제' }))
    expect((await screen.findByRole('alert')).textContent).toBe(
      '암호 문구가 틀렸습니다. 아무것도 바뀌지 않았습니다.',
    )
  })
})

describe('VaultStatusSection — vaults without a passphrase', () => {
  it('offers no unlock, lock or change for a key-file vault', async () => {
    setup(
      { passphrase: null, unlocked: true },
      {
        'vault.status': () => ({
          kind: 'aes-gcm',
          keySource: 'key-file',
          created: true,
          secure: true,
          unlocked: true,
          count: 1,
          consentRequired: false,
        }),
      },
    )
    const section = await screen.findByTestId('settings-vault')
    await waitFor(() => expect(section.textContent).toContain('under a key file on this machine'))
    expect(screen.queryByLabelText(/passphrase/i)).toBeNull()
    expect(screen.queryByRole('button')).toBeNull()
  })

  it('says, in Korean too, that keys must be entered again after the OS keychain changed', async () => {
    const status = () => ({
      kind: 'safe-storage',
      keySource: 'encryptor' as const,
      created: true,
      secure: true,
      unlocked: true,
      count: 0,
      consentRequired: false,
      reentry: {
        count: 2,
        reason: 'keychain_changed' as const,
        at: '2025-06-01T12:00:00.000Z',
        keptAs: 'vault-desktop.json.unreadable-20250601T120000000Z',
      },
    })
    setup({ passphrase: null, unlocked: true }, { 'vault.status': status })
    const note = await screen.findByTestId('vault-reentry')
    expect(note.textContent).toContain('the OS keychain changed.')
    expect(note.textContent).toContain('Connections waiting for their key: 2.')
    expect(note.textContent).toContain('vault-desktop.json.unreadable-20250601T120000000Z')
    cleanup()

    setup({ passphrase: null, unlocked: true }, { 'vault.status': status }, 'ko')
    const ko = await screen.findByTestId('vault-reentry')
    expect(ko.textContent).toContain('OS 키체인이 바뀌었습니다.')
    expect(ko.textContent).toContain('키를 기다리는 연결: 2개.')
  })
})
