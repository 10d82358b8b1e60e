// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { MethodInput, MethodOutput } from '../../../shared/contract'
import { RpcFailure } from '../../../shared/rpc-result'
import { trustDomainOf } from '../../../shared/trust-domain'
import { createConnectionsHost } from '../test-support/connections-host'
import { createFakeClient, type FakeHandlers } from '../test-support/fake-client'
import { renderWithApp } from '../test-support/render-with-app'
import { ConnectionsView } from './connections-view'

afterEach(cleanup)

const GOOD = 'sk-proj-goodgoodgood1234'
const WRONG = 'sk-proj-wrongwrongwr0000'
const REJECTED = 'The key was rejected — check it and save again.'

type TestInput = MethodInput<'connections.test'>
type TestOutput = MethodOutput<'connections.test'>

/**
 * A host whose `connections.test` judges the values as the real one does: the good key passes,
 * any other fails as `auth`; an edit's empty key is the saved one, refused for another server.
 */
function hostWithTests() {
  const host = createConnectionsHost()
  const judge = (input: TestInput): TestOutput => {
    const saved = host.connections().find((connection) => connection.id === input.id)
    let key = input.fields?.apiKey ?? undefined
    if (saved && key === undefined) {
      const fields = { ...saved.fields, ...input.fields }
      if (trustDomainOf(saved.provider, saved.fields) !== trustDomainOf(saved.provider, fields)) {
        const message = 'The address now points to another server; enter the key again.'
        throw new RpcFailure('invalid_input', message, 'fields.apiKey', 'secret_required')
      }
      key = host.secrets.get(saved.id)?.apiKey
    }
    return key === GOOD
      ? { ok: true, models: 7, ms: 120, warnings: [] }
      : { ok: false, kind: 'auth', message: '401 Incorrect API key provided', ms: 80, warnings: [] }
  }
  const handlers: FakeHandlers = { ...host.handlers, 'connections.test': judge }
  return { host, handlers }
}

function render(handlers: FakeHandlers) {
  const fake = createFakeClient(handlers)
  renderWithApp(<ConnectionsView />, fake, { hash: '#/connections' })
  return fake
}

async function newOpenAIForm() {
  const form = await screen.findByTestId('connection-form')
  fireEvent.click(within(form).getByRole('radio', { name: 'OpenAI' }))
  return form
}

const type = (form: HTMLElement, label: string, value: string) =>
  fireEvent.change(within(form).getByLabelText(label), { target: { value } })

const formStatus = (form: HTMLElement) => within(form).getByTestId('test-result')

describe('ConnectionForm — Test before saving', () => {
  it('tests the typed values without saving them, and is busy while it runs', async () => {
    const { handlers } = hostWithTests()
    let answer: (result: TestOutput) => void = () => {}
    const fake = render({
      ...handlers,
      'connections.test': () => new Promise<TestOutput>((resolve) => (answer = resolve)),
    })
    const form = await newOpenAIForm()
    type(form, 'API key', WRONG)
    const test = within(form).getByRole('button', { name: 'Test' })
    fireEvent.click(test)
    await waitFor(() => expect(formStatus(form).textContent).toContain('Testing the connection…'))
    expect(test).toHaveProperty('disabled', true)

    await act(async () =>
      answer({ ok: false, kind: 'auth', message: '401 Incorrect', ms: 80, warnings: [] }),
    )
    expect(formStatus(form).textContent).toContain(REJECTED)
    expect(formStatus(form).getAttribute('role')).toBe('status')
    expect(fake.callsTo('connections.test')).toEqual([
      { provider: 'openai', fields: { apiKey: WRONG } },
    ])
    expect(fake.callsTo('connections.create')).toEqual([])
    expect(screen.queryByTestId('connection-row')).toBeNull()

    // Another value: that result no longer speaks for the form.
    type(form, 'API key', GOOD)
    expect(formStatus(form).textContent).toBe('')
  })

  it('asks before saving values whose test failed; Escape and Cancel keep the form, “Save anyway” saves', async () => {
    const { handlers } = hostWithTests()
    const fake = render(handlers)
    const form = await newOpenAIForm()
    type(form, 'API key', WRONG)
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }))

    // Not tested yet: Save tests first, then asks with the reason.
    let dialog = await screen.findByRole('dialog', { name: 'Save anyway?' })
    expect(dialog.textContent).toContain(`The test of these values failed. ${REJECTED}`)
    expect(fake.callsTo('connections.test')).toHaveLength(1)
    expect(fake.callsTo('connections.create')).toEqual([])

    fireEvent.keyDown(dialog, { key: 'Escape' })
    expect(screen.queryByRole('dialog')).toBeNull()
    expect((within(form).getByLabelText('API key') as HTMLInputElement).value).toBe(WRONG)
    expect(formStatus(form).textContent).toContain(REJECTED)

    // The fresh failure is used as it is: asked again without a second test.
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }))
    dialog = await screen.findByRole('dialog', { name: 'Save anyway?' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(screen.getByTestId('connection-form')).toBeTruthy()
    expect(fake.callsTo('connections.create')).toEqual([])

    fireEvent.click(within(form).getByRole('button', { name: 'Save' }))
    dialog = await screen.findByRole('dialog', { name: 'Save anyway?' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save anyway' }))
    const row = await screen.findByTestId('connection-row')
    expect(fake.callsTo('connections.create')).toEqual([
      { provider: 'openai', label: 'OpenAI', fields: { apiKey: WRONG } },
    ])
    expect(fake.callsTo('connections.test')).toHaveLength(1)
    // The row shows the failure the form found.
    expect(within(row).getByTestId('test-result').textContent).toContain(REJECTED)
  })

  it('saves values that pass without asking, using a fresh Test result', async () => {
    const { handlers } = hostWithTests()
    const fake = render(handlers)
    const form = await newOpenAIForm()
    type(form, 'API key', GOOD)
    fireEvent.click(within(form).getByRole('button', { name: 'Test' }))
    await waitFor(() =>
      expect(formStatus(form).textContent).toContain('Connected — 7 models available (120 ms)'),
    )
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }))
    const row = await screen.findByTestId('connection-row')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(fake.callsTo('connections.test')).toHaveLength(1)
    expect(fake.callsTo('connections.create')).toHaveLength(1)
    expect(within(row).getByTestId('test-result').textContent).toContain('Connected')
  })

  it('tests changed values again before saving them', async () => {
    const { handlers } = hostWithTests()
    const fake = render(handlers)
    const form = await newOpenAIForm()
    type(form, 'API key', WRONG)
    fireEvent.click(within(form).getByRole('button', { name: 'Test' }))
    await waitFor(() => expect(formStatus(form).textContent).toContain(REJECTED))
    type(form, 'API key', GOOD)
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }))
    await screen.findByTestId('connection-row')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(fake.callsTo('connections.test')).toEqual([
      { provider: 'openai', fields: { apiKey: WRONG } },
      { provider: 'openai', fields: { apiKey: GOOD } },
    ])
  })
})

describe('ConnectionForm — editing a saved key', () => {
  it('does not mark a saved key required and says it is kept when left empty; a new one is required', async () => {
    const { host, handlers } = hostWithTests()
    host.seed('openai', 'Work', { apiKey: GOOD })
    render(handlers)
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }))
    const form = await screen.findByTestId('connection-form')
    const apiKey = within(form).getByLabelText('API key')
    expect(apiKey.getAttribute('aria-required')).toBeNull()
    expect(apiKey.getAttribute('placeholder')).toBe('Saved — •••• 1234 (leave empty to keep)')
    const head = apiKey.closest('.cx-field')?.querySelector('.cx-field-head')
    expect(head?.textContent).toBe('API key')
    fireEvent.click(within(form).getByRole('button', { name: 'Cancel' }))

    fireEvent.click(screen.getByRole('button', { name: 'Add connection' }))
    const added = await newOpenAIForm()
    const newKey = within(added).getByLabelText('API key')
    expect(newKey.getAttribute('aria-required')).toBe('true')
    expect(newKey.closest('.cx-field')?.querySelector('.cx-required')?.textContent).toBe('required')
  })

  it('tests an edit with the saved key on the same server, and refuses another server until the key is typed', async () => {
    const { host, handlers } = hostWithTests()
    host.seed('openai', 'Proxy', { apiKey: GOOD, baseURL: 'https://proxy.example/v1' })
    const fake = render(handlers)
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }))
    const form = await screen.findByTestId('connection-form')

    type(form, 'Base URL', 'https://proxy.example/v2')
    fireEvent.click(within(form).getByRole('button', { name: 'Test' }))
    await waitFor(() => expect(formStatus(form).textContent).toContain('Connected'))

    type(form, 'Base URL', 'https://other.example/v1')
    fireEvent.click(within(form).getByRole('button', { name: 'Test' }))
    await waitFor(() =>
      expect(formStatus(form).textContent).toBe(
        'The address changed, so the saved key was not sent there: type the key to test these values.',
      ),
    )
    // Save with the same values does not ask: the host would refuse them; the key field says why.
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(fake.callsTo('connections.test')).toHaveLength(2))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(fake.callsTo('connections.update')).toEqual([])
    expect(within(form).getByLabelText('API key').getAttribute('aria-invalid')).toBe('true')

    type(form, 'API key', GOOD)
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.queryByTestId('connection-form')).toBeNull())
    expect(fake.callsTo('connections.test').at(-1)).toEqual({
      id: 'c1',
      fields: { baseURL: 'https://other.example/v1', apiKey: GOOD },
    })
    expect(fake.callsTo('connections.update')).toHaveLength(1)
  })

  it('saves a new label alone without a test', async () => {
    const { host, handlers } = hostWithTests()
    host.seed('openai', 'Work', { apiKey: WRONG })
    const fake = render(handlers)
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }))
    const form = await screen.findByTestId('connection-form')
    type(form, 'Label', 'Work (old key)')
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.queryByTestId('connection-form')).toBeNull())
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(fake.callsTo('connections.update')).toEqual([{ id: 'c1', label: 'Work (old key)' }])
    // Only the list's own test of the saved connection, after saving.
    await waitFor(() => expect(fake.callsTo('connections.test')).toEqual([{ id: 'c1' }]))
  })
})
