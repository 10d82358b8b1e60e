// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { RpcFailure } from '../../../shared/rpc-result'
import { SettingsScreen } from './settings-screen'
import { createFakeClient } from '../test-support/fake-client'
import { renderWithApp } from '../test-support/render-with-app'

afterEach(cleanup)

const vault = {
  kind: 'safe-storage',
  keySource: 'encryptor' as const,
  created: true,
  secure: true,
  note: 'Keys are encrypted with a key kept in the macOS Keychain.',
  unlocked: true,
  count: 3,
  consentRequired: false,
}

function setup(overrides: Parameters<typeof createFakeClient>[0] = {}) {
  const client = createFakeClient({ 'vault.status': () => vault, ...overrides })
  renderWithApp(<SettingsScreen />, client)
  return client
}

describe('SettingsScreen', () => {
  it('saves language and theme at once with the matching settings.update input', async () => {
    const client = setup()
    fireEvent.click(await screen.findByRole('radio', { name: '한국어' }))
    await waitFor(() => expect(client.callsTo('settings.update')).toEqual([{ language: 'ko' }]))
    fireEvent.click(screen.getByRole('radio', { name: 'Dark' }))
    await waitFor(() =>
      expect(client.callsTo('settings.update')).toEqual([{ language: 'ko' }, { theme: 'dark' }]),
    )
    expect((screen.getByRole('radio', { name: 'Dark' }) as HTMLInputElement).checked).toBe(true)
  })

  it('saves only the changed request limits, each under its own field', async () => {
    const client = setup()
    fireEvent.change(await screen.findByLabelText('Request timeout'), { target: { value: '120' } })
    fireEvent.change(screen.getByLabelText('Idle timeout'), { target: { value: '30' } })
    fireEvent.change(screen.getByLabelText('Retries'), { target: { value: '4' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await screen.findByText('Saved.')
    expect(client.callsTo('settings.update')).toEqual([
      { requestTimeoutSeconds: 120, idleTimeoutSeconds: 30, maxRetries: 4 },
    ])

    fireEvent.change(screen.getByLabelText('Retries'), { target: { value: '0' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(client.callsTo('settings.update')).toHaveLength(2))
    expect(client.callsTo('settings.update')[1]).toEqual({ maxRetries: 0 })
  })

  it('refuses a 99999 s timeout with a message naming the field, and sends nothing', async () => {
    const client = setup()
    const field = await screen.findByLabelText('Request timeout')
    fireEvent.change(field, { target: { value: '99999' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    const message = await screen.findByText(
      'Request timeout must be a whole number from 10 to 3600.',
    )
    expect(field.getAttribute('aria-describedby')).toContain(message.id)
    expect(field.getAttribute('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(field)
    expect(client.callsTo('settings.update')).toEqual([])
  })

  it('shows the host’s error when saving fails', async () => {
    setup({
      'settings.update': () => {
        throw new RpcFailure('internal', 'disk is full')
      },
    })
    fireEvent.change(await screen.findByLabelText('Idle timeout'), { target: { value: '90' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Could not save: disk is full')
  })

  it('shows the data folder with a copy button and the vault in plain words', async () => {
    setup()
    expect((await screen.findByTestId('settings-data-dir')).textContent).toBe('/home/ada/.parallax')
    expect(screen.getByText(/History, saved keys and settings live here/).textContent).toContain(
      'the default',
    )
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }))
    await screen.findByText('Copied to the clipboard.')
    expect(await navigator.clipboard.readText()).toBe('/home/ada/.parallax')
    const vaultSection = await screen.findByTestId('settings-vault')
    await waitFor(() =>
      expect(vaultSection.textContent).toContain(
        'Keys are encrypted with the OS keychain (safeStorage) — 3 saved',
      ),
    )
    expect(vaultSection.textContent).toContain('macOS Keychain')
  })

  it('describes an AES-GCM vault that is locked', async () => {
    setup({
      'vault.status': () => ({ ...vault, kind: 'aes-gcm', note: undefined, unlocked: false }),
    })
    const vaultSection = await screen.findByTestId('settings-vault')
    await waitFor(() => expect(vaultSection.textContent).toContain('AES-256-GCM'))
    expect(vaultSection.textContent).toContain('locked')
  })

  it('clears history only after the confirm word is typed', async () => {
    const client = setup({ 'history.clear': () => ({ deleted: 7 }) })
    fireEvent.click(await screen.findByRole('button', { name: 'Clear history…' }))
    const dialog = screen.getByRole('dialog', { name: 'Delete all history?' })
    const confirm = within(dialog).getByRole<HTMLButtonElement>('button', {
      name: 'Delete everything',
    })
    const word = within(dialog).getByLabelText('Type “delete” to confirm')
    expect(document.activeElement).toBe(word)
    expect(confirm.disabled).toBe(true)
    fireEvent.change(word, { target: { value: 'delet' } })
    fireEvent.submit(word)
    expect(confirm.disabled).toBe(true)
    expect(client.callsTo('history.clear')).toEqual([])

    fireEvent.change(word, { target: { value: 'delete' } })
    fireEvent.click(confirm)
    await screen.findByText('Conversations deleted: 7.')
    expect(client.callsTo('history.clear')).toEqual([{ confirm: true }])
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(screen.getByTestId('app-probe').dataset.historyVersion).toBe('1')
  })

  it('closes the clear-history dialog with Escape without deleting anything', async () => {
    const client = setup({ 'history.clear': () => ({ deleted: 1 }) })
    fireEvent.click(await screen.findByRole('button', { name: 'Clear history…' }))
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' })
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(client.callsTo('history.clear')).toEqual([])
  })

  it('keeps the About panel with app.info at the bottom', async () => {
    setup()
    expect((await screen.findByTestId('app-info-data-dir')).textContent).toBe('/home/ada/.parallax')
    const sections = screen.getByTestId('settings-screen').querySelectorAll('section')
    expect(sections[sections.length - 1]?.textContent).toContain('About this installation')
  })
})
