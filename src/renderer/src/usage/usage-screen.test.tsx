// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { MethodOutput } from '../../../shared/contract'
import { createFakeClient } from '../test-support/fake-client'
import { providerNamed } from '../test-support/providers'
import { renderWithApp } from '../test-support/render-with-app'
import { usageRow } from '../test-support/usage-row'
import { UsageScreen } from './usage-screen'
import { localDayKey } from './usage-range'

afterEach(cleanup)

const now = new Date()
const today = localDayKey(now)
const yesterday = localDayKey(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1))

const report: MethodOutput<'usage.report'> = {
  rows: [
    usageRow({ day: yesterday, model: 'gpt-5', requests: 4, tokensIn: 1000, costUsd: 0.25 }),
    usageRow({ day: yesterday, provider: 'anthropic', model: 'claude', costUsd: 1.5 }),
    usageRow({ day: today, model: 'gpt-5', requests: 2, errors: 1, costUsd: 0.5 }),
    usageRow({
      day: today,
      provider: 'anthropic',
      model: 'claude',
      costUsd: 2,
      costEstimated: true,
    }),
  ],
  totals: {
    requests: 8,
    errors: 1,
    tokensIn: 1300,
    tokensOut: 200,
    costUsd: 4.25,
    costEstimated: true,
    unpricedRequests: 0,
  },
}

function setup(answer: MethodOutput<'usage.report'> = report, language: 'en' | 'ko' = 'en') {
  const client = createFakeClient({
    'usage.report': () => answer,
    // Only Anthropic is listed: a provider the list no longer has shows its id.
    'providers.list': () => ({ providers: [providerNamed('anthropic')] }),
  })
  renderWithApp(<UsageScreen />, client, { language })
  return client
}

describe('UsageScreen', () => {
  it('asks for the last 7 local days and shows the totals', async () => {
    const client = setup()
    expect((await screen.findByTestId('usage-total-requests')).textContent).toContain('8')
    expect(screen.getByTestId('usage-total-tokens-in').textContent).toContain('1,300')
    expect(screen.getByTestId('usage-total-tokens-out').textContent).toContain('200')
    expect(screen.getByTestId('usage-total-cost').textContent).toContain('≈ $4.25')
    const [query] = client.callsTo('usage.report')
    expect(query?.utcOffsetMinutes).toBe(-new Date().getTimezoneOffset())
    expect(((query?.to ?? 0) - (query?.from ?? 0)) / 86_400_000).toBeCloseTo(7, 1)
  })

  it('draws one bar per day and model, with tooltips and a spoken summary', async () => {
    setup()
    const chart = await screen.findByRole('img')
    const bars = chart.querySelectorAll('rect.usage-bar')
    expect(bars).toHaveLength(4)
    const titles = [...bars].map((bar) => bar.querySelector('title')?.textContent)
    expect(titles).toContain(
      `${new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${today}T00:00:00Z`))} · Anthropic · claude: $2.00`,
    )
    expect(chart.getAttribute('aria-label')).toContain('$4.25 in all')
    // Claude cost most, so its segment sits at the bottom of each stack and is drawn taller.
    const claude = [...bars].filter((bar) => bar.textContent.includes('claude'))
    const gpt = [...bars].filter((bar) => bar.textContent.includes('gpt-5'))
    expect(Number(claude[1]?.getAttribute('height'))).toBeGreaterThan(
      Number(gpt[1]?.getAttribute('height')),
    )
  })

  it('switches the chart to tokens and shows its numbers as a table', async () => {
    setup()
    await screen.findByRole('img')
    fireEvent.click(screen.getByRole('radio', { name: 'Tokens' }))
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(/^Tokens per day/)
    const toggle = screen.getByRole('button', { name: 'Show as table' })
    expect(screen.getByTestId('usage-chart-table').className).toBe('visually-hidden')
    fireEvent.click(toggle)
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    const table = within(screen.getByTestId('usage-chart-table')).getByRole('table')
    expect(within(table).getByRole('columnheader', { name: 'openai · gpt-5' })).toBeTruthy()
  })

  it('lists every provider and model with requests, errors, tokens and cost', async () => {
    setup()
    const table = await screen.findByTestId('usage-model-table')
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([
      ['Anthropic', 'claude', '2', '0', '200', '100', '≈ $3.50'],
      ['openai', 'gpt-5', '6', '1', '1,100', '100', '$0.75'],
    ])
  })

  it('asks again for 30 days when that range is picked', async () => {
    const client = setup()
    await screen.findByRole('img')
    fireEvent.click(screen.getByRole('radio', { name: '30 days' }))
    await waitFor(() => expect(client.callsTo('usage.report')).toHaveLength(2))
    const second = client.callsTo('usage.report')[1]
    expect(((second?.to ?? 0) - (second?.from ?? 0)) / 86_400_000).toBeCloseTo(30, 0)
  })

  it('says so when the period has no requests', async () => {
    setup({ rows: [], totals: { ...report.totals, requests: 0, costUsd: 0 } })
    expect((await screen.findByTestId('usage-empty')).textContent).toContain('No requests')
    expect(screen.queryByRole('img')).toBeNull()
  })

  it('formats numbers and money in the chosen language', async () => {
    setup(report, 'ko')
    expect((await screen.findByTestId('usage-total-cost')).textContent).toContain('약 US$4.25')
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('사용량')
  })

  it('waits for the provider list before showing rows, so no id flashes in place of a name', async () => {
    let listProviders: (value: MethodOutput<'providers.list'>) => void = () => {}
    const client = createFakeClient({
      'usage.report': () => report,
      'providers.list': () => new Promise((resolve) => (listProviders = resolve)),
    })
    renderWithApp(<UsageScreen />, client)
    await waitFor(() => expect(client.callsTo('usage.report')).toHaveLength(1))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(screen.queryAllByRole('table')).toHaveLength(0)
    expect(screen.getByTestId('usage-screen').getAttribute('aria-busy')).toBe('true')
    listProviders({ providers: [providerNamed('anthropic')] })
    const [table] = (await screen.findAllByRole('table')).slice(-1)
    if (!table) throw new Error('no table')
    expect(within(table).getAllByText('Anthropic').length).toBeGreaterThan(0)
  })
})
