// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { UsageWarningPayload } from '../../../shared/usage-schemas'
import { getPref, resetPrefs } from '../app/prefs-store'
import { createFakeClient } from '../test-support/fake-client'
import { renderWithApp } from '../test-support/render-with-app'
import { UsageWarningBanner } from './usage-warning-banner'

afterEach(cleanup)
beforeEach(() => resetPrefs())

const connection = {
  id: 'conn-1',
  provider: 'openai',
  label: 'Work OpenAI',
  fields: {},
  secrets: { apiKey: { set: true, last4: 'abcd' } },
  createdAt: 1,
  updatedAt: 1,
}

const warning: UsageWarningPayload = {
  id: 'conn-1@1',
  kind: 'hourly',
  connectionId: 'conn-1',
  window: { from: 0, to: 3_600_000 },
  requests: { observed: 240, norm: 12 },
  costUsd: { observed: 18.5, norm: 0.9 },
  triggeredBy: ['requests', 'cost'],
  multiplier: 5,
  at: 3_600_000,
  message: 'Unusual use',
}

async function setup() {
  const client = createFakeClient({ 'connections.list': () => ({ connections: [connection] }) })
  renderWithApp(<UsageWarningBanner />, client)
  await waitFor(() => expect(client.callsTo('connections.list')).toHaveLength(1))
  return client
}

describe('UsageWarningBanner', () => {
  it('stays empty until the host warns', async () => {
    await setup()
    expect(screen.queryByTestId('usage-warning')).toBeNull()
  })

  it('names the connection, compares the last hour with its norm and suggests what to do', async () => {
    const client = await setup()
    act(() => client.emit('usage.warning', warning))
    const banner = await screen.findByRole('alert')
    expect(banner.dataset.testid).toBe('usage-warning')
    expect(banner.textContent).toContain('Unusual use of “Work OpenAI”')
    expect(banner.textContent).toContain('240 requests in the last hour (usually about 12)')
    expect(banner.textContent).toContain('$18.50 spent in the last hour (usually about $0.90)')
    expect(banner.textContent).toContain('rotate the key at the provider')

    fireEvent.click(screen.getByRole('button', { name: 'Open connections' }))
    expect(screen.getByTestId('app-probe').dataset.route).toBe('connections')
    expect(window.location.hash).toBe('#/connections')
  })

  it('words a burst by its seconds and leaves out the hour’s cost', async () => {
    const client = await setup()
    const burst: UsageWarningPayload = {
      ...warning,
      kind: 'burst',
      window: { from: 45_000, to: 60_000 },
      requests: { observed: 56, norm: 10 },
      triggeredBy: ['requests'],
    }
    act(() => client.emit('usage.warning', burst))
    const banner = await screen.findByRole('alert')
    expect(banner.textContent).toContain('56 requests in 15 seconds (usually about 10 an hour)')
    expect(banner.textContent).not.toContain('spent in the last hour')
  })

  it('shows one warning per connection and can be dismissed', async () => {
    const client = await setup()
    act(() => client.emit('usage.warning', warning))
    act(() =>
      client.emit('usage.warning', { ...warning, requests: { observed: 300, norm: 12 }, at: 2 }),
    )
    expect(screen.getAllByTestId('usage-warning')).toHaveLength(1)
    expect(screen.getByTestId('usage-warning').textContent).toContain('300 requests')
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss the warning about “Work OpenAI”' }))
    expect(screen.queryByTestId('usage-warning')).toBeNull()
  })

  it('keeps a dismissed warning dismissed, also after a restart, until a new one', async () => {
    const thisHour = { ...warning, id: 'conn-1@1' }
    const client = await setup()
    act(() => client.emit('usage.warning', thisHour))
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss the warning about “Work OpenAI”' }))
    expect(getPref('dismissed')?.usageWarnings).toEqual(['conn-1@1'])
    cleanup()
    // A new page with the preferences loaded from the data folder, as after a restart: the host
    // raises the same warning (same id) again.
    const again = await setup()
    act(() => again.emit('usage.warning', { ...thisHour, requests: { observed: 400, norm: 12 } }))
    expect(screen.queryByTestId('usage-warning')).toBeNull()
    act(() => again.emit('usage.warning', { ...warning, id: 'conn-1@2' }))
    expect(screen.getByTestId('usage-warning').textContent).toContain('240 requests')
  })
})
