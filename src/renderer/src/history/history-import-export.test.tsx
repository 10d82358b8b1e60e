// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { RpcFailure } from '../../../shared/rpc-result'
import { HistorySidebar } from './history-sidebar'
import { createFakeClient } from '../test-support/fake-client'
import { conversation } from '../test-support/history-records'
import { renderWithApp } from '../test-support/render-with-app'

interface Download {
  fileName: string
  href: string
  blob: Blob
}

/** Records what a click on a temporary <a download> would have saved. */
function captureDownloads(): Download[] {
  const downloads: Download[] = []
  const blobs = new Map<string, Blob>()
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:fake/${blobs.size}`
    blobs.set(url, blob as Blob)
    return url
  })
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const blob = blobs.get(this.href)
    if (blob) downloads.push({ fileName: this.download, href: this.href, blob })
  })
  return downloads
}

function chooseFile(content: string, name = 'history.json') {
  const input = screen.getByTestId('history-import-file') as HTMLInputElement
  const file = new File([content], name, { type: 'application/json' })
  Object.defineProperty(input, 'files', { value: [file], configurable: true })
  fireEvent.change(input)
}

const listed = () => ({
  items: [conversation({ id: 'a', title: 'Alpha', updatedAt: Date.now() })],
  nextCursor: null,
})

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

describe('history export', () => {
  it('exports one conversation as Markdown into a file with the host’s name', async () => {
    const downloads = captureDownloads()
    const client = createFakeClient({
      'history.list': listed,
      'history.export': ({ format }) => ({
        format,
        fileName: 'alpha-2026-04-15.md',
        content: '# Alpha\n',
      }),
    })
    renderWithApp(<HistorySidebar />, client)
    await screen.findByText('Alpha')

    fireEvent.click(screen.getByRole('button', { name: 'More actions for “Alpha”' }))
    fireEvent.click(screen.getByRole('menuitem', { name: 'Export as Markdown' }))

    await waitFor(() => expect(downloads).toHaveLength(1))
    // With the person's time zone for the file name and the UI's words for the transcript.
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone
    expect(client.callsTo('history.export')).toEqual([
      {
        format: 'markdown',
        conversationIds: ['a'],
        timeZone,
        labels: expect.objectContaining({ you: 'You · {time}', metrics: 'Metrics: {metrics}' }),
      },
    ])
    expect(downloads[0]?.fileName).toBe('alpha-2026-04-15.md')
    expect(await downloads[0]?.blob.text()).toBe('# Alpha\n')
    expect(downloads[0]?.blob.type).toContain('text/markdown')
    // the temporary link is gone again
    expect(document.querySelector('a[download]')).toBeNull()
  })

  it('exports everything as JSON from the footer', async () => {
    const downloads = captureDownloads()
    const client = createFakeClient({
      'history.list': listed,
      'history.export': () => ({
        format: 'json',
        fileName: 'parallax-history.json',
        content: '{"version":1}',
      }),
    })
    renderWithApp(<HistorySidebar />, client)

    fireEvent.click(screen.getByRole('button', { name: 'Export all' }))
    await waitFor(() => expect(downloads).toHaveLength(1))
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone
    expect(client.callsTo('history.export')).toEqual([{ format: 'json', timeZone }])
    expect(downloads[0]?.fileName).toBe('parallax-history.json')
    expect(downloads[0]?.blob.type).toContain('application/json')
    expect(screen.getByRole('status').textContent).toContain('Exported parallax-history.json')
  })

  it('says “Exported …” only on the page where it happened: going elsewhere clears it', async () => {
    captureDownloads()
    const client = createFakeClient({
      'history.list': listed,
      'history.export': () => ({
        format: 'json',
        fileName: 'parallax-history.json',
        content: '{}',
      }),
    })
    renderWithApp(<HistorySidebar />, client, { hash: '#/chat' })

    fireEvent.click(screen.getByRole('button', { name: 'Export all' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Exported'))
    act(() => {
      window.location.hash = '#/settings'
      window.dispatchEvent(new HashChangeEvent('hashchange'))
    })
    await waitFor(() => expect(screen.getByTestId('app-probe').dataset.route).toBe('settings'))
    expect(screen.getByRole('status').textContent).toBe('')

    // Coming back does not bring it back either.
    act(() => {
      window.location.hash = '#/chat'
      window.dispatchEvent(new HashChangeEvent('hashchange'))
    })
    await waitFor(() => expect(screen.getByTestId('app-probe').dataset.route).toBe('chat'))
    expect(screen.getByRole('status').textContent).toBe('')
  })
})

describe('history import', () => {
  it('sends the file text and reports what was added', async () => {
    const client = createFakeClient({
      'history.list': listed,
      'history.import': () => ({
        conversations: { added: 3, existing: 2 },
        messages: { added: 6, existing: 4 },
        runs: { added: 9, existing: 5 },
      }),
    })
    renderWithApp(<HistorySidebar />, client)
    await screen.findByText('Alpha')

    chooseFile('{"version":1,"conversations":[]}')
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain(
        'Imported 3 conversations (2 already there)',
      ),
    )
    expect(client.callsTo('history.import')).toEqual([{ data: '{"version":1,"conversations":[]}' }])
    await waitFor(() => expect(client.callsTo('history.list')).toHaveLength(2))
  })

  it('shows the host’s error for a bad file and keeps the list', async () => {
    const client = createFakeClient({
      'history.list': listed,
      'history.import': () => {
        throw new RpcFailure(
          'invalid_input',
          'Not a valid Parallax history export',
          'conversations[0].runs[1].status',
        )
      },
    })
    renderWithApp(<HistorySidebar />, client)
    await screen.findByText('Alpha')

    chooseFile('not json at all', 'notes.json')
    const status = screen.getByRole('status')
    await waitFor(() =>
      expect(status.textContent).toContain(
        'Import failed: Not a valid Parallax history export (field: conversations[0].runs[1].status)',
      ),
    )
    expect(client.callsTo('history.import')).toEqual([{ data: 'not json at all' }])
    expect(screen.getByText('Alpha')).toBeTruthy()
    expect(client.callsTo('history.list')).toHaveLength(1)

    fireEvent.click(within(status).getByRole('button', { name: 'Dismiss' }))
    expect(status.textContent).toBe('')
  })

  it('reports a file that cannot be read without asking the host', async () => {
    const client = createFakeClient({ 'history.list': listed })
    renderWithApp(<HistorySidebar />, client)
    await screen.findByText('Alpha')

    const input = screen.getByTestId('history-import-file') as HTMLInputElement
    const file = new File(['x'], 'gone.json')
    vi.spyOn(file, 'text').mockRejectedValue(new Error('the file was moved'))
    Object.defineProperty(input, 'files', { value: [file], configurable: true })
    fireEvent.change(input)

    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain(
        'The file could not be read: the file was moved',
      ),
    )
    expect(client.callsTo('history.import')).toEqual([])
    expect(screen.getByText('Alpha')).toBeTruthy()
  })
})
