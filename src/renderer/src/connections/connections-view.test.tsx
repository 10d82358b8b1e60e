// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { MethodOutput } from '../../../shared/contract'
import { RpcFailure, type RpcError } from '../../../shared/rpc-result'
import { createConnectionsHost } from '../test-support/connections-host'
import { createFakeClient, type FakeHandlers } from '../test-support/fake-client'
import { renderWithApp } from '../test-support/render-with-app'
import { ConnectionsView } from './connections-view'

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

function renderScreen(handlers: FakeHandlers) {
  const fake = createFakeClient(handlers)
  renderWithApp(<ConnectionsView />, fake, { hash: '#/connections' })
  return fake
}

/** The input a visible label names, with the text of whatever describes it. */
function describedText(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean)
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
}

function type(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
}

describe('ConnectionsView — adding', () => {
  it('opens the add form when there is no connection yet and builds the chosen provider’s fields', async () => {
    const host = createConnectionsHost()
    renderScreen(host.handlers)

    const form = await screen.findByTestId('connection-form')
    expect(within(form).queryByLabelText('API key')).toBeNull()

    fireEvent.click(await screen.findByRole('radio', { name: 'OpenAI' }))
    const apiKey = screen.getByLabelText('API key')
    expect(apiKey).toHaveProperty('type', 'password')
    expect(apiKey.getAttribute('aria-required')).toBe('true')
    expect(apiKey.getAttribute('placeholder')).toBe('sk-proj-…')
    expect(describedText(apiKey)).toContain('Create a key on the OpenAI platform')
    expect(screen.getByLabelText('Base URL')).toHaveProperty('type', 'text')
    expect(screen.getByLabelText('Organization ID')).toBeTruthy()
    expect((screen.getByLabelText('Label') as HTMLInputElement).value).toBe('OpenAI')
    expect(screen.getByText('https://platform.openai.com/api-keys')).toBeTruthy()
    expect(screen.queryByTestId('bedrock-policy')).toBeNull()

    fireEvent.click(screen.getByRole('radio', { name: 'AWS Bedrock' }))
    expect(screen.queryByLabelText('API key')).toBeNull()
    expect(screen.getByLabelText('Region')).toHaveProperty('type', 'text')
    expect(screen.getByLabelText('Access key ID')).toHaveProperty('type', 'text')
    expect(screen.getByLabelText('Secret access key')).toHaveProperty('type', 'password')
    expect(screen.getByLabelText('Session token')).toHaveProperty('type', 'password')
    expect((screen.getByLabelText('Label') as HTMLInputElement).value).toBe('AWS Bedrock')
  })

  it('shows and hides a secret on request', async () => {
    renderScreen(createConnectionsHost().handlers)
    fireEvent.click(await screen.findByRole('radio', { name: 'OpenAI' }))
    const toggle = screen.getByRole('button', { name: 'Show API key' })
    fireEvent.click(toggle)
    expect(screen.getByLabelText('API key')).toHaveProperty('type', 'text')
    expect(toggle.getAttribute('aria-pressed')).toBe('true')
    fireEvent.click(toggle)
    expect(screen.getByLabelText('API key')).toHaveProperty('type', 'password')
  })

  it('sends exactly the typed fields, then lists and tests the new connection', async () => {
    const host = createConnectionsHost()
    const fake = renderScreen(host.handlers)
    fireEvent.click(await screen.findByRole('radio', { name: 'OpenAI' }))
    type('API key', 'sk-proj-abcdefgh1234')
    type('Organization ID', 'org-42')
    type('Label', 'OpenAI — work')
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))

    const row = await screen.findByTestId('connection-row')
    expect(fake.callsTo('connections.create')).toEqual([
      {
        provider: 'openai',
        label: 'OpenAI — work',
        fields: { apiKey: 'sk-proj-abcdefgh1234', organization: 'org-42' },
      },
    ])
    expect(within(row).getByText('OpenAI — work')).toBeTruthy()
    expect(within(row).getByText('•••• 1234')).toBeTruthy()
    expect(row.textContent).not.toContain('sk-proj-abcdefgh1234')
    expect(screen.queryByTestId('connection-form')).toBeNull()

    const status = within(row).getByTestId('test-result')
    await waitFor(() =>
      expect(status.textContent).toContain('Connected — 12 models available (340 ms)'),
    )
    expect(status.getAttribute('role')).toBe('status')
    // Tested once, before saving; the row shows that result without asking the provider again.
    expect(fake.callsTo('connections.test')).toEqual([
      { provider: 'openai', fields: { apiKey: 'sk-proj-abcdefgh1234', organization: 'org-42' } },
    ])
  })

  it('shows a host field error next to that field and keeps everything typed', async () => {
    const host = createConnectionsHost()
    const fake = renderScreen({
      ...host.handlers,
      'connections.create': () => {
        const message = 'baseURL must be an http(s) address.'
        throw new RpcFailure('invalid_input', message, 'fields.baseURL')
      },
    })
    fireEvent.click(await screen.findByRole('radio', { name: 'OpenAI' }))
    type('API key', 'sk-proj-abcdefgh1234')
    type('Base URL', 'proxy.local')
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))

    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toBe('baseURL must be an http(s) address.')
    const baseUrl = screen.getByLabelText('Base URL') as HTMLInputElement
    expect(describedText(baseUrl)).toContain('baseURL must be an http(s) address.')
    expect(baseUrl.getAttribute('aria-invalid')).toBe('true')
    expect(baseUrl.value).toBe('proxy.local')
    expect((screen.getByLabelText('API key') as HTMLInputElement).value).toBe(
      'sk-proj-abcdefgh1234',
    )
    expect(describedText(screen.getByLabelText('API key'))).not.toContain('baseURL must')
    expect(screen.getByTestId('connection-form')).toBeTruthy()
    // Only the test before saving ran; nothing was saved to test afterwards.
    expect(fake.callsTo('connections.test')).toEqual([
      { provider: 'openai', fields: { apiKey: 'sk-proj-abcdefgh1234', baseURL: 'proxy.local' } },
    ])
  })

  it('says in plain words that a locked vault stopped the save, keeping what was typed', async () => {
    const host = createConnectionsHost()
    renderScreen({
      ...host.handlers,
      'connections.create': () => {
        throw new RpcFailure('vault_locked', 'The key vault is locked; unlock it.')
      },
    })
    fireEvent.click(await screen.findByRole('radio', { name: 'OpenAI' }))
    type('API key', 'sk-proj-abcdefgh1234')
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))

    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('saved keys are locked')
    expect(alert.textContent).not.toContain('unlock it.')
    expect((screen.getByLabelText('API key') as HTMLInputElement).value).toBe(
      'sk-proj-abcdefgh1234',
    )
  })

  it('puts a bare field name and a label error where they belong', async () => {
    const errors: RpcError[] = [
      {
        kind: 'invalid_input' as const,
        message: 'API key is required for OpenAI.',
        field: 'apiKey',
      },
      { kind: 'invalid_input', message: 'A label is required.', field: 'label' },
    ]
    const host = createConnectionsHost()
    renderScreen({
      ...host.handlers,
      'connections.create': () => {
        const error = errors.shift()
        if (!error) throw new Error('saved more often than expected')
        throw new RpcFailure(error.kind, error.message, error.field)
      },
    })
    fireEvent.click(await screen.findByRole('radio', { name: 'OpenAI' }))
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await screen.findByRole('alert')
    expect(describedText(screen.getByLabelText('API key'))).toContain(
      'API key is required for OpenAI.',
    )

    type('Label', '  ')
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() =>
      expect(describedText(screen.getByLabelText('Label'))).toContain('A label is required.'),
    )
    expect((screen.getByLabelText('Label') as HTMLInputElement).value).toBe('  ')
  })

  it('shows the least-privilege Bedrock policy and copies it', async () => {
    const writeText = vi.fn(async (_text: string) => undefined)
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    renderScreen(createConnectionsHost().handlers)
    fireEvent.click(await screen.findByRole('radio', { name: 'AWS Bedrock' }))

    const panel = screen.getByTestId('bedrock-policy')
    const json = panel.querySelector('pre')?.textContent ?? ''
    const policy = JSON.parse(json) as {
      Statement: { Effect: string; Action: string[]; Resource: string }[]
    }
    const actions = policy.Statement.flatMap((statement) => statement.Action).sort()
    expect(actions).toEqual([
      'bedrock:InvokeModel',
      'bedrock:InvokeModelWithResponseStream',
      'bedrock:ListFoundationModels',
      'bedrock:ListInferenceProfiles',
    ])
    for (const statement of policy.Statement) {
      expect(statement.Effect).toBe('Allow')
      expect(statement.Resource).toBe('*')
    }
    expect(panel.textContent).toContain('Converse and ConverseStream')

    fireEvent.click(within(panel).getByRole('button', { name: 'Copy the IAM policy' }))
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(json))
    expect(within(panel).getByRole('button', { name: 'Copy the IAM policy' }).textContent).toBe(
      'Copied',
    )
  })
})

describe('ConnectionsView — saved connections', () => {
  it('tests a connection in plain words and is busy while it runs', async () => {
    const host = createConnectionsHost()
    host.seed('openai', 'Work key', { apiKey: 'sk-proj-abcdefgh9xyz' })
    let answer: (result: MethodOutput<'connections.test'>) => void = () => {}
    renderScreen({
      ...host.handlers,
      'connections.test': () => new Promise((resolve) => (answer = resolve)),
    })
    const row = await screen.findByTestId('connection-row')
    const test = within(row).getByRole('button', { name: 'Test' })
    fireEvent.click(test)

    const status = within(row).getByRole('status')
    await waitFor(() => expect(status.textContent).toContain('Testing the connection…'))
    expect(test).toHaveProperty('disabled', true)

    await act(async () =>
      answer({
        ok: false,
        kind: 'auth',
        message: '401 Incorrect API key provided',
        ms: 95,
        warnings: [],
      }),
    )
    expect(status.querySelector('.cx-test-line')?.textContent).toBe(
      'The key was rejected — check it and save again.',
    )
    expect(status.textContent).toContain('401 Incorrect API key provided')
    expect(test).toHaveProperty('disabled', false)
  })

  it('names a network failure and an unknown kind in plain words', async () => {
    const host = createConnectionsHost()
    host.seed('openai', 'A', { apiKey: 'sk-proj-abcdefgh1111' })
    host.seed('openai', 'B', { apiKey: 'sk-proj-abcdefgh2222' })
    renderScreen({
      ...host.handlers,
      'connections.test': (input) =>
        input.id === 'c1'
          ? { ok: false, kind: 'network', message: 'ECONNREFUSED', ms: 3, warnings: [] }
          : { ok: false, kind: 'something_new', message: 'Odd', ms: 3, warnings: [] },
    })
    const [first, second] = await screen.findAllByTestId('connection-row')
    if (!first || !second) throw new Error('two rows expected')
    fireEvent.click(within(first).getByRole('button', { name: 'Test' }))
    fireEvent.click(within(second).getByRole('button', { name: 'Test' }))
    await waitFor(() =>
      expect(within(first).getByTestId('test-result').textContent).toContain(
        'Could not reach the endpoint — check the URL and your network.',
      ),
    )
    await waitFor(() =>
      expect(within(second).getByTestId('test-result').textContent).toContain('The test failed.'),
    )
  })

  it('edits with only the changed fields and never shows a saved secret', async () => {
    const host = createConnectionsHost()
    host.seed('openai', 'Work key', {
      apiKey: 'sk-proj-abcdefgh9xyz',
      baseURL: 'https://proxy.example/v1',
      organization: 'org-1',
    })
    const fake = renderScreen(host.handlers)
    const row = await screen.findByTestId('connection-row')
    expect(within(row).getByText('•••• 9xyz')).toBeTruthy()
    expect(within(row).getByText('https://proxy.example/v1')).toBeTruthy()

    fireEvent.click(within(row).getByRole('button', { name: 'Edit' }))
    const form = await screen.findByTestId('connection-form')
    const apiKey = within(form).getByLabelText('API key') as HTMLInputElement
    expect(apiKey.value).toBe('')
    expect(apiKey.placeholder).toBe('Saved — •••• 9xyz (leave empty to keep)')
    expect((within(form).getByLabelText('Base URL') as HTMLInputElement).value).toBe(
      'https://proxy.example/v1',
    )
    expect((within(form).getByLabelText('Label') as HTMLInputElement).value).toBe('Work key')
    expect(within(form).queryByRole('radio')).toBeNull()
    expect(document.body.innerHTML).not.toContain('sk-proj-abcdefgh9xyz')

    fireEvent.change(within(form).getByLabelText('Label'), { target: { value: 'OpenAI — work' } })
    fireEvent.change(within(form).getByLabelText('Organization ID'), { target: { value: '' } })
    // Another path on the same server: the saved key still goes there.
    fireEvent.change(within(form).getByLabelText('Base URL'), {
      target: { value: 'https://proxy.example/v2' },
    })
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(screen.queryByTestId('connection-form')).toBeNull())
    expect(fake.callsTo('connections.update')).toEqual([
      {
        id: 'c1',
        label: 'OpenAI — work',
        fields: { organization: null, baseURL: 'https://proxy.example/v2' },
      },
    ])
    expect(host.secrets.get('c1')).toEqual({ apiKey: 'sk-proj-abcdefgh9xyz' })
    await waitFor(() => expect(screen.getByText('OpenAI — work')).toBeTruthy())
    // The edited values were tested before saving (the empty key: the saved one, same server).
    expect(fake.callsTo('connections.test')).toEqual([
      { id: 'c1', fields: { organization: null, baseURL: 'https://proxy.example/v2' } },
    ])
  })

  it('does not keep the saved key when the address moves to another server, and says why', async () => {
    const host = createConnectionsHost()
    host.seed('openai', 'Proxy', {
      apiKey: 'sk-proj-abcdefgh9xyz',
      baseURL: 'https://proxy.example/v1',
    })
    const fake = renderScreen(host.handlers)
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }))
    const form = await screen.findByTestId('connection-form')
    const apiKey = within(form).getByLabelText('API key') as HTMLInputElement
    const keeps = 'Saved — •••• 9xyz (leave empty to keep)'
    const why = 'The address changed, so the saved key is not sent there: enter the key again.'
    expect(apiKey.placeholder).toBe(keeps)

    type('Base URL', 'https://other.example/v1')
    expect(apiKey.placeholder).toBe('sk-proj-…')
    expect(apiKey.getAttribute('aria-required')).toBe('true')
    expect(describedText(apiKey)).toContain(why)
    // The same server again (another path): the saved key is kept as before.
    type('Base URL', 'https://proxy.example/v2')
    expect(apiKey.placeholder).toBe(keeps)
    expect(describedText(apiKey)).not.toContain(why)
    expect(within(form).queryByTestId('address-changed')).toBeNull()

    // Saved without the key: the host refuses; the form words it and keeps what was typed.
    type('Base URL', 'https://other.example/v1')
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }))
    await waitFor(() =>
      expect(describedText(apiKey)).toContain(
        'The address changed, so the saved value is not sent there: enter it again, or remove it.',
      ),
    )
    expect(host.connections()[0]?.fields.baseURL).toBe('https://proxy.example/v1')
    expect((within(form).getByLabelText('Base URL') as HTMLInputElement).value).toBe(
      'https://other.example/v1',
    )

    type('API key', 'sk-proj-otherother4321')
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.queryByTestId('connection-form')).toBeNull())
    expect(fake.callsTo('connections.update').at(-1)).toEqual({
      id: 'c1',
      fields: { baseURL: 'https://other.example/v1', apiKey: 'sk-proj-otherother4321' },
    })
  })

  it('names a plain-http or metadata address before saving; a metadata address needs a tick', async () => {
    const host = createConnectionsHost()
    const create = host.handlers['connections.create']
    const refuseUnacknowledged: FakeHandlers['connections.create'] = (input) => {
      if (input.acknowledge?.includes('metadata_address')) return create(input)
      throw new RpcFailure('invalid_input', 'metadata', 'fields.baseURL', 'metadata_address')
    }
    const fake = renderScreen({ ...host.handlers, 'connections.create': refuseUnacknowledged })
    fireEvent.click(await screen.findByRole('radio', { name: 'OpenAI' }))
    type('API key', 'sk-proj-abcdefgh9xyz')
    expect(screen.queryByTestId('destination-warnings')).toBeNull()
    type('Base URL', 'http://gpu-box.lan/v1')
    expect(screen.getByTestId('destination-warnings').textContent).toContain(
      'Plain http://: the key and your prompts cross the network unencrypted.',
    )
    expect(
      screen.queryByRole('checkbox', { name: 'I understand, use this address anyway' }),
    ).toBeNull()

    type('Base URL', 'https://2852039166/latest')
    expect(screen.getByTestId('destination-warnings').textContent).toContain(
      'cloud metadata address',
    )
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() =>
      expect(describedText(screen.getByLabelText('Base URL'))).toContain(
        'Tick “I understand” below the address to use it anyway.',
      ),
    )
    expect(fake.callsTo('connections.create')[0]).not.toHaveProperty('acknowledge')

    fireEvent.click(screen.getByRole('checkbox', { name: 'I understand, use this address anyway' }))
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.queryByTestId('connection-form')).toBeNull())
    expect(fake.callsTo('connections.create')[1]).toMatchObject({
      fields: { baseURL: 'https://2852039166/latest' },
      acknowledge: ['metadata_address'],
    })
  })

  it('sends a new secret but not an unchanged label', async () => {
    const host = createConnectionsHost()
    host.seed('openai', 'Work key', { apiKey: 'sk-proj-abcdefgh9xyz' })
    const fake = renderScreen(host.handlers)
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }))
    type('API key', 'sk-proj-newnewnew5678')
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(fake.callsTo('connections.update')).toHaveLength(1))
    expect(fake.callsTo('connections.update')[0]).toEqual({
      id: 'c1',
      fields: { apiKey: 'sk-proj-newnewnew5678' },
    })
    expect(await screen.findByText('•••• 5678')).toBeTruthy()
  })

  it('shows a damaged secret as damaged', async () => {
    const host = createConnectionsHost()
    const saved = host.seed('openai', 'Broken', { apiKey: 'sk-proj-abcdefgh9xyz' })
    saved.secrets.apiKey = { set: true, last4: '', damaged: true }
    renderScreen(host.handlers)
    const row = await screen.findByTestId('connection-row')
    expect(row.textContent).toContain('damaged')
    expect(row.textContent).not.toContain('••••')
  })

  it('deletes only after confirmation in a dialog', async () => {
    const host = createConnectionsHost()
    host.seed('openai', 'Work key', { apiKey: 'sk-proj-abcdefgh9xyz' })
    const fake = renderScreen(host.handlers)
    const row = await screen.findByTestId('connection-row')

    fireEvent.click(within(row).getByRole('button', { name: 'Delete' }))
    const dialog = screen.getByRole('dialog', { name: 'Delete “Work key”?' })
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    expect(fake.callsTo('connections.delete')).toEqual([])
    fireEvent.keyDown(dialog, { key: 'Escape' })
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(fake.callsTo('connections.delete')).toEqual([])

    fireEvent.click(within(row).getByRole('button', { name: 'Delete' }))
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }))
    expect(fake.callsTo('connections.delete')).toEqual([])

    fireEvent.click(within(row).getByRole('button', { name: 'Delete' }))
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(screen.queryByTestId('connection-row')).toBeNull())
    expect(fake.callsTo('connections.delete')).toEqual([{ id: 'c1' }])
    expect(screen.queryByRole('dialog')).toBeNull()
  })
})

describe('ConnectionsView — key storage', () => {
  const insecure = {
    kind: 'safe-storage',
    keySource: 'encryptor' as const,
    created: true,
    secure: false,
    note: 'No system keyring was found.',
    unlocked: true,
    count: 0,
  }

  it('asks for consent when keys would only be obfuscated', async () => {
    const host = createConnectionsHost()
    const fake = renderScreen({
      ...host.handlers,
      'vault.status': () => ({ ...insecure, consentRequired: true }),
      'vault.allowInsecure': () => ({ ...insecure, consentRequired: false }),
    })
    const consent = await screen.findByTestId('vault-consent')
    expect(consent.textContent).toContain('Keys would only be obfuscated on this system')
    expect(consent.textContent).toContain('No system keyring was found.')
    fireEvent.click(within(consent).getByRole('button', { name: 'I understand, save anyway' }))
    await waitFor(() => expect(screen.queryByTestId('vault-consent')).toBeNull())
    expect(fake.callsTo('vault.allowInsecure')).toEqual([{}])
    expect(screen.getByTestId('vault-status').textContent).toContain('only obfuscated')
  })

  it('shows the same prompt when a save needs consent, and saves once it is given', async () => {
    const host = createConnectionsHost()
    const create = host.handlers['connections.create']
    let consented = false
    const fake = renderScreen({
      ...host.handlers,
      'vault.allowInsecure': () => {
        consented = true
        return { ...insecure, consentRequired: false }
      },
      'connections.create': (input) => {
        if (consented) return create(input)
        throw new RpcFailure('consent_required', 'Keys would not be stored securely.')
      },
    })
    fireEvent.click(await screen.findByRole('radio', { name: 'OpenAI' }))
    type('API key', 'sk-proj-abcdefgh1234')
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))

    const consent = await screen.findByTestId('vault-consent')
    expect(within(screen.getByTestId('connection-form')).getByTestId('vault-consent')).toBe(consent)
    fireEvent.click(within(consent).getByRole('button', { name: 'I understand, save anyway' }))

    expect(await screen.findByTestId('connection-row')).toBeTruthy()
    expect(fake.callsTo('connections.create')).toHaveLength(2)
    expect(fake.callsTo('connections.create')[1]).toEqual({
      provider: 'openai',
      label: 'OpenAI',
      fields: { apiKey: 'sk-proj-abcdefgh1234' },
    })
  })
})
