// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { EventPayload } from '../../../shared/contract'
import { RpcFailure } from '../../../shared/rpc-result'
import { formatMonth } from './group-by-date'
import { HistorySidebar } from './history-sidebar'
import { createFakeClient } from '../test-support/fake-client'
import { conversation } from '../test-support/history-records'
import { renderWithApp } from '../test-support/render-with-app'

function daysAgo(days: number, hour = 12): number {
  const date = new Date()
  date.setHours(hour, 0, 0, 0)
  date.setDate(date.getDate() - days)
  return date.getTime()
}

afterEach(cleanup)

describe('HistorySidebar list', () => {
  it('groups conversations by date with the pinned ones first', async () => {
    const old = daysAgo(90)
    const client = createFakeClient({
      'history.list': () => ({
        items: [
          conversation({ id: 'p', title: 'Pinned long ago', updatedAt: old, pinned: true }),
          conversation({ id: 't', title: 'From today', updatedAt: Date.now() }),
          conversation({ id: 'y', title: 'From yesterday', updatedAt: daysAgo(1) }),
          conversation({ id: 'w', title: 'Three days ago', updatedAt: daysAgo(3) }),
          conversation({ id: 'm', title: 'Two weeks ago', updatedAt: daysAgo(14) }),
          conversation({ id: 'o', title: 'Old one', updatedAt: old, mode: 'compare' }),
        ],
        nextCursor: null,
      }),
    })
    renderWithApp(<HistorySidebar />, client)

    await screen.findByText('From today')
    const groups = screen.getAllByTestId('history-group')
    const summary = groups.map((group) => [
      within(group).getByRole('heading').textContent,
      within(group)
        .getAllByTestId('history-item')
        .map((item) => within(item).getAllByRole('button')[0]?.getAttribute('title')),
    ])
    expect(summary).toEqual([
      ['Pinned', ['Pinned long ago']],
      ['Today', ['From today']],
      ['Yesterday', ['From yesterday']],
      ['Previous 7 days', ['Three days ago']],
      ['Previous 30 days', ['Two weeks ago']],
      [formatMonth(new Date(new Date(old).setDate(1)).setHours(0, 0, 0, 0), 'en'), ['Old one']],
    ])
    expect(client.callsTo('history.list')[0]).toEqual({ limit: 100, cursor: null })
    const compared = screen.getByTitle('Old one')
    expect(within(compared).getByText('Compare')).toBeTruthy()
    expect(within(screen.getByTitle('From today')).queryByText('Compare')).toBeNull()
  })

  it('marks the open conversation and opens another on click', async () => {
    const client = createFakeClient({
      'history.list': () => ({
        items: [
          conversation({ id: 'a', title: 'Alpha', updatedAt: Date.now() }),
          conversation({ id: 'b', title: 'Beta', updatedAt: Date.now() }),
        ],
        nextCursor: null,
      }),
    })
    renderWithApp(<HistorySidebar />, client, { hash: '#/c/b' })

    const beta = await screen.findByRole('button', { name: 'Beta' })
    const alpha = screen.getByRole('button', { name: 'Alpha' })
    expect(beta.getAttribute('aria-current')).toBe('page')
    expect(alpha.getAttribute('aria-current')).toBeNull()

    fireEvent.click(alpha)
    expect(window.location.hash).toBe('#/c/a')
    await waitFor(() => expect(alpha.getAttribute('aria-current')).toBe('page'))
    expect(beta.getAttribute('aria-current')).toBeNull()
  })

  it('keeps a long title whole in the title attribute', async () => {
    const long = 'A very long title that will never fit in a sidebar of two hundred and eighty px'
    const client = createFakeClient({
      'history.list': () => ({
        items: [conversation({ id: 'a', title: long, updatedAt: 1 })],
        nextCursor: null,
      }),
    })
    renderWithApp(<HistorySidebar />, client)
    const item = await screen.findByRole('button', { name: long })
    expect(item.getAttribute('title')).toBe(long)
  })

  it('loads more with the cursor and re-reads when history changes', async () => {
    let version = 1
    const client = createFakeClient({
      'history.list': (input) =>
        input.cursor === 'page-2'
          ? {
              items: [conversation({ id: 'c2', title: 'Second page', updatedAt: 5 })],
              nextCursor: null,
            }
          : {
              items: [
                conversation({ id: 'c1', title: `First v${version}`, updatedAt: Date.now() }),
              ],
              nextCursor: 'page-2',
            },
    })
    renderWithApp(<HistorySidebar />, client)

    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }))
    await screen.findByText('Second page')
    expect(client.callsTo('history.list')[1]).toEqual({ limit: 100, cursor: 'page-2' })
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull()

    version = 2
    act(() => client.emit('run.done', {} as EventPayload<'run.done'>))
    await screen.findByText('First v2')
    // The re-read fetched both pages again, so "Load more" was not undone.
    expect(screen.getByText('Second page')).toBeTruthy()
    expect(screen.getAllByTestId('history-item')).toHaveLength(2)
  })

  it('shows an empty state and a failed read with a retry', async () => {
    let fail = true
    const client = createFakeClient({
      'history.list': () => {
        if (fail) throw new RpcFailure('internal', 'database is locked')
        return { items: [], nextCursor: null }
      },
    })
    renderWithApp(<HistorySidebar />, client)

    expect((await screen.findByRole('alert')).textContent).toContain('database is locked')
    fail = false
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    await screen.findByText('No conversations yet. Start a chat or a comparison.')
  })
})
