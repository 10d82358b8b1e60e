// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { HistorySidebar } from './history-sidebar'
import { createFakeClient } from '../test-support/fake-client'
import { conversation } from '../test-support/history-records'
import { renderWithApp } from '../test-support/render-with-app'

afterEach(cleanup)

describe('HistorySidebar filters without search text', () => {
  it('narrow the list on their own, say so, and clear in one click', async () => {
    const client = createFakeClient({
      'history.list': (input) => ({
        items:
          input.provider === 'anthropic'
            ? [conversation({ id: 'c', title: 'Claude only', updatedAt: Date.now() })]
            : [
                conversation({ id: 'c', title: 'Claude only', updatedAt: Date.now() }),
                conversation({ id: 'o', title: 'OpenAI only', updatedAt: Date.now() }),
              ],
        nextCursor: null,
      }),
    })
    renderWithApp(<HistorySidebar />, client)
    await screen.findByText('OpenAI only')
    await screen.findByRole('option', { name: 'Anthropic' })

    fireEvent.change(screen.getByRole('combobox', { name: 'Provider' }), {
      target: { value: 'anthropic' },
    })
    await waitFor(() => expect(screen.queryByText('OpenAI only')).toBeNull())
    expect(screen.getByText('Claude only')).toBeTruthy()
    expect(client.callsTo('history.list').at(-1)).toEqual({
      provider: 'anthropic',
      limit: 100,
      cursor: null,
    })
    expect(screen.getByTestId('history-filter-state').textContent).toContain('Filtered: Anthropic')
    expect(client.callsTo('history.search')).toEqual([])

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }))
    await screen.findByText('OpenAI only')
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull()
    expect(client.callsTo('history.list').at(-1)).toEqual({ limit: 100, cursor: null })
  })

  it('send a typed model once typing pauses, and say when nothing matches', async () => {
    const client = createFakeClient({
      'history.list': (input) => ({
        items: input.model ? [] : [conversation({ id: 'a', title: 'Any', updatedAt: Date.now() })],
        nextCursor: null,
      }),
    })
    renderWithApp(<HistorySidebar />, client)
    await screen.findByText('Any')
    const model = screen.getByRole('textbox', { name: 'Model' })
    for (const value of ['g', 'gp', 'gpt-9 ']) fireEvent.change(model, { target: { value } })

    expect(await screen.findByText('No conversations with gpt-9.')).toBeTruthy()
    const filtered = client.callsTo('history.list').filter((call) => call.model !== undefined)
    expect(filtered).toEqual([{ model: 'gpt-9', limit: 100, cursor: null }])
  })
})
