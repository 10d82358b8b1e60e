// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { MethodOutput } from '../../../shared/contract'
import { HistorySidebar } from './history-sidebar'
import { deferred } from '../test-support/deferred'
import { createFakeClient } from '../test-support/fake-client'
import { conversation, searchHit } from '../test-support/history-records'
import { renderWithApp } from '../test-support/render-with-app'

type SearchResult = MethodOutput<'history.search'>

function page(hits: ReturnType<typeof searchHit>[]): SearchResult {
  return { hits, nextCursor: null, partial: false }
}
afterEach(cleanup)

describe('HistorySidebar search', () => {
  it('searches once typing pauses and marks the Korean match', async () => {
    const client = createFakeClient({
      'history.search': () =>
        page([
          searchHit(
            {
              conversationId: 'k1',
              conversationTitle: '모델 비교 노트',
              text: '새 모델을 비교',
              messageId: 'm7',
              matches: 16,
            },
            [[2, 4]],
          ),
        ]),
    })
    renderWithApp(<HistorySidebar />, client)
    const box = screen.getByRole('searchbox', { name: 'Search history' })
    expect(box.getAttribute('data-testid')).toBe('history-search')

    fireEvent.change(box, { target: { value: '모' } })
    fireEvent.change(box, { target: { value: '모델' } })
    fireEvent.change(box, { target: { value: ' 모델 ' } })
    expect(client.callsTo('history.search')).toEqual([])

    const hit = await screen.findByTestId('history-hit')
    expect(client.callsTo('history.search')).toEqual([
      { query: '모델', group: 'conversation', limit: 30 },
    ])
    const marks = hit.querySelectorAll('mark')
    expect([...marks].map((mark) => mark.textContent)).toEqual(['모델'])
    expect(hit.querySelector('.history-snippet')?.textContent).toBe('새 모델을 비교')
    expect(within(hit).getByText('모델 비교 노트')).toBeTruthy()
    expect(within(hit).getByText('Answer')).toBeTruthy()
    // The provider id is shown with its label.
    expect(within(hit).getByText('Anthropic · claude-sonnet-4-5')).toBeTruthy()
    expect(within(hit).getByTestId('history-hit-count').textContent).toBe('16 matches')

    fireEvent.click(hit)
    expect(window.location.hash).toBe('#/c/k1?m=m7')
  })

  it('never lets an older answer replace a newer one', async () => {
    const answers = [deferred<SearchResult>(), deferred<SearchResult>()]
    const client = createFakeClient({
      'history.search': () => {
        const next = answers[client.callsTo('history.search').length - 1]
        if (!next) throw new Error('unexpected search')
        return next.promise
      },
    })
    renderWithApp(<HistorySidebar />, client)
    const box = screen.getByRole('searchbox')

    fireEvent.change(box, { target: { value: 'old' } })
    await waitFor(() => expect(client.callsTo('history.search')).toHaveLength(1))
    fireEvent.change(box, { target: { value: 'new' } })
    await waitFor(() => expect(client.callsTo('history.search')).toHaveLength(2))

    await act(async () => {
      answers[1]?.resolve(page([searchHit({ conversationId: 'n', text: 'the new answer' })]))
    })
    await screen.findByText('the new answer')
    await act(async () => {
      answers[0]?.resolve(page([searchHit({ conversationId: 'o', text: 'the old answer' })]))
    })
    expect(screen.getByText('the new answer')).toBeTruthy()
    expect(screen.queryByText('the old answer')).toBeNull()
  })

  it('shows hits instead of the list, and the list again once Escape clears the query', async () => {
    const client = createFakeClient({
      'history.list': () => ({
        items: [conversation({ id: 'c1', title: 'Listed conversation', updatedAt: Date.now() })],
        nextCursor: null,
      }),
      'history.search': () => page([searchHit({ conversationId: 'z', text: 'a zebra crossing' })]),
    })
    renderWithApp(<HistorySidebar />, client)
    await screen.findByText('Listed conversation')
    const box = screen.getByRole('searchbox')

    fireEvent.change(box, { target: { value: 'zebra' } })
    expect(screen.queryByText('Listed conversation')).toBeNull()
    await screen.findByText('a zebra crossing')
    fireEvent.keyDown(box, { key: 'Escape' })
    expect((box as HTMLInputElement).value).toBe('')
    expect(screen.getByText('Listed conversation')).toBeTruthy()
    expect(screen.queryByTestId('history-hit')).toBeNull()
  })

  it('shows the empty state with the query', async () => {
    const client = createFakeClient({ 'history.search': () => page([]) })
    renderWithApp(<HistorySidebar />, client)
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: '없는 말' } })
    expect(await screen.findByText('No matches for “없는 말”')).toBeTruthy()
  })

  it('applies the provider and model filters to the search', async () => {
    const client = createFakeClient({ 'history.search': () => page([]) })
    renderWithApp(<HistorySidebar />, client)
    const provider = screen.getByRole('combobox', { name: 'Provider' })
    await screen.findByRole('option', { name: 'Anthropic' })

    fireEvent.change(provider, { target: { value: 'anthropic' } })
    fireEvent.change(screen.getByRole('textbox', { name: 'Model' }), {
      target: { value: 'claude-sonnet-4-5' },
    })
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'rust' } })

    await screen.findByText('No matches for “rust”')
    expect(client.callsTo('history.search')).toEqual([
      {
        query: 'rust',
        group: 'conversation',
        limit: 30,
        provider: 'anthropic',
        model: 'claude-sonnet-4-5',
      },
    ])
  })

  it('shows more matches of a conversation on request, each opening its own message', async () => {
    const more = [
      { ...searchHit({ conversationId: 'c', text: 'second demo', messageId: 'm2' }) },
      { ...searchHit({ conversationId: 'c', text: 'third demo', messageId: 'm3' }) },
    ]
    const client = createFakeClient({
      'history.search': () =>
        page([searchHit({ conversationId: 'c', text: 'first demo', matches: 3, more })]),
    })
    renderWithApp(<HistorySidebar />, client)
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'demo' } })
    const toggle = await screen.findByRole('button', { name: 'Show 2 more' })
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    expect(screen.queryByText('second demo')).toBeNull()

    fireEvent.click(toggle)
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    const extras = screen.getAllByTestId('history-hit-more')
    expect(extras.map((extra) => extra.querySelector('.history-snippet')?.textContent)).toEqual([
      'second demo',
      'third demo',
    ])
    fireEvent.click(extras[1] as HTMLElement)
    expect(window.location.hash).toBe('#/c/c?m=m3')
  })

  it('loads the next page of conversations, showing each conversation once', async () => {
    const client = createFakeClient({
      'history.search': (input) =>
        input.cursor
          ? {
              hits: [
                searchHit({ conversationId: 'a', text: 'again' }),
                searchHit({ conversationId: 'b', text: 'older b' }),
              ],
              nextCursor: null,
              partial: false,
            }
          : {
              hits: [searchHit({ conversationId: 'a', text: 'newest a' })],
              nextCursor: 'k9',
              partial: false,
            },
    })
    renderWithApp(<HistorySidebar />, client)
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'demo' } })
    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }))
    await screen.findByText('older b')
    expect(screen.getAllByTestId('history-hit')).toHaveLength(2)
    expect(screen.queryByText('again')).toBeNull()
    expect(client.callsTo('history.search')[1]).toMatchObject({ query: 'demo', cursor: 'k9' })
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull()
  })

  it('takes focus when the global shortcut asks for it', () => {
    renderWithApp(<HistorySidebar />, createFakeClient())
    const box = screen.getByRole('searchbox')
    expect(document.activeElement).not.toBe(box)
    act(() => {
      window.dispatchEvent(new CustomEvent('parallax:focus-search'))
    })
    expect(document.activeElement).toBe(box)
    expect(box.getAttribute('aria-keyshortcuts')).toMatch(/^(Control|Meta)\+Shift\+F$/)
  })
})
