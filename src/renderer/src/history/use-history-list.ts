import { useCallback, useEffect, useRef, useState } from 'react'
import type { ParallaxClient } from '../../../shared/client'
import type { MethodInput, MethodOutput } from '../../../shared/contract'
import type { RpcError, RpcResult } from '../../../shared/rpc-result'
import { useAppState, useAppStore } from '../app/app-context'

type ListPage = MethodOutput<'history.list'>
export type ConversationView = ListPage['items'][number]

export const PAGE_SIZE = 100

/** Narrows the list to conversations with a run on this provider / of this model ('' for any). */
export interface ListFilters {
  provider: string
  model: string
}

type ListInput = MethodInput<'history.list'>

interface ListState {
  status: 'loading' | 'ready' | 'error'
  items: ConversationView[]
  nextCursor: string | null
  /** When the items were read: the "now" that Today and Yesterday are counted from. */
  loadedAt: number
  error: RpcError | null
  loadingMore: boolean
  /** How many pages are shown: a re-read fetches as many. */
  pages: number
}

export type HistoryList = ListState & {
  loadMore(): void
  retry(): void
  /** Shows an edited conversation at once, before the re-read. */
  replace(conversation: ConversationView): void
  remove(id: string): void
}

const INITIAL: ListState = {
  status: 'loading',
  items: [],
  nextCursor: null,
  loadedAt: 0,
  error: null,
  loadingMore: false,
  pages: 1,
}

/**
 * The conversation list, re-read whenever history or the filters change. A re-read fetches as
 * many pages as were shown before (one after a filter change), so "Load more" is not undone by a
 * run finishing; an older answer never overwrites a newer one.
 */
export function useHistoryList(filters: ListFilters): HistoryList {
  const { client } = useAppStore()
  const historyVersion = useAppState((app) => app.historyVersion)
  const [state, setState] = useState<ListState>(INITIAL)
  const [attempt, setAttempt] = useState(0)
  const request = useRef(0)
  const shownPages = useRef(1)
  const filterKey = JSON.stringify(filterInput(filters))
  const shownFilter = useRef(filterKey)

  useEffect(() => {
    const id = ++request.current
    if (shownFilter.current !== filterKey) shownPages.current = 1
    shownFilter.current = filterKey
    const pages = shownPages.current
    const input = JSON.parse(filterKey) as ListInput
    void loadPages(client, pages, input).then((result) => {
      if (id !== request.current) return
      if (result.ok) {
        const { items, nextCursor } = result
        setState({ ...INITIAL, status: 'ready', items, nextCursor, pages, loadedAt: Date.now() })
      } else {
        // A failed re-read keeps what is on screen and says why below it.
        setState((previous) => ({
          ...previous,
          status: previous.status === 'ready' ? 'ready' : 'error',
          error: result.error,
        }))
      }
    })
  }, [client, historyVersion, attempt, filterKey])

  useEffect(() => {
    shownPages.current = state.pages
  }, [state.pages])

  const loadMore = useCallback(() => {
    const cursor = state.nextCursor
    if (!cursor || state.loadingMore) return
    const id = ++request.current
    setState((previous) => ({ ...previous, loadingMore: true }))
    const input = JSON.parse(filterKey) as ListInput
    void client.invoke('history.list', { ...input, limit: PAGE_SIZE, cursor }).then((result) => {
      if (id !== request.current) return
      setState((previous) =>
        result.ok
          ? {
              ...previous,
              items: appendNew(previous.items, result.value.items),
              nextCursor: result.value.nextCursor,
              pages: previous.pages + 1,
              loadedAt: Date.now(),
              loadingMore: false,
              error: null,
            }
          : { ...previous, loadingMore: false, error: result.error },
      )
    })
  }, [client, state.nextCursor, state.loadingMore, filterKey])

  const retry = useCallback(() => {
    setState((previous) => ({ ...INITIAL, pages: previous.pages }))
    setAttempt((n) => n + 1)
  }, [])

  const replace = useCallback((conversation: ConversationView) => {
    setState((previous) => ({
      ...previous,
      items: previous.items.map((item) => (item.id === conversation.id ? conversation : item)),
    }))
  }, [])

  const remove = useCallback((id: string) => {
    setState((previous) => ({
      ...previous,
      items: previous.items.filter((item) => item.id !== id),
    }))
  }, [])

  return { ...state, loadMore, retry, replace, remove }
}

type PagesResult =
  | { ok: true; items: ConversationView[]; nextCursor: string | null }
  | { ok: false; error: RpcError }

/** The filters as `history.list` takes them: only those set (a model id trimmed). */
function filterInput(filters: ListFilters): ListInput {
  const input: ListInput = {}
  if (filters.provider) input.provider = filters.provider
  const model = filters.model.trim()
  if (model) input.model = model
  return input
}

async function loadPages(
  client: ParallaxClient,
  pages: number,
  filters: ListInput,
): Promise<PagesResult> {
  let items: ConversationView[] = []
  let cursor: string | null = null
  let read = 0
  do {
    const result: RpcResult<ListPage> = await client.invoke('history.list', {
      ...filters,
      limit: PAGE_SIZE,
      cursor,
    })
    if (!result.ok) return { ok: false, error: result.error }
    items = appendNew(items, result.value.items)
    cursor = result.value.nextCursor
    read++
  } while (cursor && read < pages)
  return { ok: true, items, nextCursor: cursor }
}

/** Pages can overlap when a conversation moved between two reads; keep the first copy. */
function appendNew(items: ConversationView[], page: ConversationView[]): ConversationView[] {
  const seen = new Set(items.map((item) => item.id))
  return [...items, ...page.filter((item) => !seen.has(item.id))]
}
