// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RpcFailure } from '../../../shared/rpc-result'
import { createFakeClient } from '../test-support/fake-client'
import { createFakePassphraseVault } from '../test-support/passphrase-vault'
import { renderWithApp } from '../test-support/render-with-app'
import { ConnectionsView } from './connections-view'

const PASS = 'correct horse battery staple'
const KEY = 'sk-proj-bannerTestKey0000000000WXYZ'

beforeEach(() => {
  window.location.hash = '#/connections'
})
afterEach(cleanup)

/** The connections screen over a passphrase vault; the saved key's hint needs the vault unlocked. */
function setup(start: { passphrase: string | null; unlocked: boolean }) {
  const vault = createFakePassphraseVault(start)
  const client = createFakeClient({
    ...vault.handlers,
    'connections.test': () => {
      if (!vault.unlocked()) {
        throw new RpcFailure('vault_locked', 'The key vault is locked; unlock it.')
      }
      return { ok: true, models: 3, ms: 12, warnings: [] }
    },
    'connections.list': () => ({
      connections: [
        {
          id: 'c1',
          provider: 'openai',
          label: 'Work',
          fields: {},
          secrets: { apiKey: { set: true, last4: vault.unlocked() ? KEY.slice(-4) : '' } },
          createdAt: 1,
          updatedAt: 1,
        },
      ],
    }),
  })
  renderWithApp(<ConnectionsView />, client)
  return { client, vault, banner: () => screen.getByTestId('vault-status') }
}

describe('VaultStatusBanner on the connections screen', () => {
  it('says keys are locked and unlocks them in place, reloading the connections', async () => {
    const { client, vault, banner } = setup({ passphrase: PASS, unlocked: false })
    await waitFor(() =>
      expect(banner().textContent).toContain('Saved keys are locked. Enter the vault passphrase'),
    )
    const row = screen.getByTestId('connection-row')
    fireEvent.click(within(row).getByRole('button', { name: 'Test' }))
    await waitFor(() =>
      expect(within(row).getByTestId('test-result').textContent).toBe(
        'Saved keys are locked: unlock them with the vault passphrase, then test again.',
      ),
    )
    const input = within(banner()).getByLabelText('Vault passphrase')
    fireEvent.change(input, { target: { value: 'wrong passphrase' } })
    fireEvent.click(within(banner()).getByRole('button', { name: 'Unlock' }))
    expect((await within(banner()).findByRole('alert')).textContent).toBe(
      'Wrong passphrase. Nothing was changed.',
    )
    const listsBefore = client.callsTo('connections.list').length

    fireEvent.change(input, { target: { value: PASS } })
    fireEvent.click(within(banner()).getByRole('button', { name: 'Unlock' }))
    await within(banner()).findByRole('button', { name: 'Lock' })
    expect(banner().textContent).toContain('unlocked until you lock them')
    expect(vault.unlocked()).toBe(true)
    await waitFor(() =>
      expect(client.callsTo('connections.list').length).toBeGreaterThan(listsBefore),
    )

    fireEvent.click(within(banner()).getByRole('button', { name: 'Lock' }))
    await within(banner()).findByLabelText('Vault passphrase')
    expect(vault.unlocked()).toBe(false)
    expect(client.callsTo('vault.lock')).toEqual([{}])
  })

  it('asks for a new passphrase of 8+ characters on a vault that has none yet', async () => {
    const { client, banner } = setup({ passphrase: null, unlocked: false })
    await waitFor(() => expect(banner().textContent).toContain('Set it before saving a key'))
    expect(banner().textContent).toContain('Choose at least 8 characters')
    fireEvent.change(within(banner()).getByLabelText('New passphrase'), {
      target: { value: PASS },
    })
    fireEvent.change(within(banner()).getByLabelText('Repeat the passphrase'), {
      target: { value: PASS },
    })
    fireEvent.click(within(banner()).getByRole('button', { name: 'Set passphrase' }))
    await within(banner()).findByRole('button', { name: 'Lock' })
    expect(client.callsTo('vault.unlock')).toEqual([{ passphrase: PASS }])
  })
})

describe('VaultStatusBanner after the key file was replaced', () => {
  const REENTRY = {
    count: 1,
    reason: 'key_file_replaced' as const,
    at: '2025-06-01T12:00:00.000Z',
    keptAs: 'vault.json.unreadable-20250601T120000000Z',
  }

  function setupReentry() {
    let entered = false
    const client = createFakeClient({
      'vault.status': () => ({
        kind: 'aes-gcm',
        keySource: 'key-file' as const,
        created: true,
        secure: true,
        unlocked: true,
        count: entered ? 1 : 0,
        consentRequired: false,
        ...(entered ? {} : { reentry: REENTRY }),
      }),
      'connections.list': () => ({
        connections: [
          {
            id: 'c1',
            provider: 'openai',
            label: 'Work',
            fields: {},
            secrets: {
              apiKey: entered
                ? { set: true, last4: KEY.slice(-4) }
                : { set: false, last4: '', reenter: true },
            },
            createdAt: 1,
            updatedAt: 1,
          },
        ],
      }),
      'connections.test': () => ({ ok: true, models: 3, ms: 20, warnings: [] }),
      'connections.update': () => {
        entered = true
        return {
          id: 'c1',
          provider: 'openai',
          label: 'Work',
          fields: {},
          secrets: { apiKey: { set: true, last4: KEY.slice(-4) } },
          createdAt: 1,
          updatedAt: 2,
          warnings: [],
        }
      },
    })
    renderWithApp(<ConnectionsView />, client)
    return { client, banner: () => screen.getByTestId('vault-status') }
  }

  it('says why, where the old vault is, and marks the connection until its key is entered', async () => {
    const { client, banner } = setupReentry()
    await waitFor(() =>
      expect(banner().textContent).toContain(
        'Saved keys could not be decrypted: the key file was replaced.',
      ),
    )
    expect(banner().textContent).toContain('Connections waiting for their key: 1.')
    expect(banner().textContent).toContain(`as ${REENTRY.keptAs} in the data folder`)
    const row = screen.getByTestId('connection-row')
    expect(within(row).getByTestId('connection-reenter').textContent).toBe(
      'Key must be entered again',
    )
    expect(row.textContent).toContain('API keymust be entered again')

    fireEvent.click(within(row).getByRole('button', { name: 'Edit' }))
    const apiKey = (await screen.findByLabelText('API key')) as HTMLInputElement
    expect(apiKey.placeholder).toBe('Enter this key again (the saved one could not be decrypted)')
    expect(apiKey.getAttribute('aria-required')).toBe('true')
    fireEvent.change(apiKey, { target: { value: KEY } })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() =>
      expect(client.callsTo('connections.update')).toEqual([{ id: 'c1', fields: { apiKey: KEY } }]),
    )
    await waitFor(() => expect(screen.queryByTestId('connection-reenter')).toBeNull())
    await waitFor(() => expect(screen.queryByTestId('vault-reentry')).toBeNull())
    expect(document.body.innerHTML).not.toContain(KEY)
  })
})

describe('VaultStatusBanner over the OS keychain', () => {
  it('says once that keys are encrypted, without repeating it in the host’s words', async () => {
    const hostNote = 'Keys are encrypted with a key kept in gnome_libsecret.'
    const client = createFakeClient({
      'vault.status': () => ({
        kind: 'safe-storage',
        keySource: 'encryptor' as const,
        created: true,
        secure: true,
        note: hostNote,
        unlocked: true,
        count: 0,
        consentRequired: false,
      }),
      'connections.list': () => ({ connections: [] }),
    })
    renderWithApp(<ConnectionsView />, client)
    const banner = await screen.findByTestId('vault-status')
    await waitFor(() => expect(banner.textContent).toBe('Keys are encrypted on this machine.'))
    expect(banner.textContent).not.toContain(hostNote)
  })
})
