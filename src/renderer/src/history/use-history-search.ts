import { useCallback, useEffect, useRef, useState } from 'react'
import type { MethodInput, MethodOutput } from '../../../shared/contract'
import type { RpcError } from '../../../shared/rpc-result'
import { useAppState, useAppStore } from '../app/app-context'

/** One conversation that matched: its best match, how many matched and up to two more. */
export type SearchHitView = MethodOutput<'history.search'>['hits'][number]

export interface SearchFilters {
  /** Provider id, '' for all. */
  provider: string
  /** Model id (exact), '' for all. */
  model: string
}

export const SEARCH_DEBOUNCE_MS = 150
/** Conversations per page. */
export const SEARCH_LIMIT = 30
export const MAX_QUERY_LENGTH = 500

interface SearchAnswer {
  /** Which query and filters this answer is for. */
  key: string
  hits: SearchHitView[]
  /** Where the next page starts; null at the end. */
  cursor: string | null
  error: RpcError | null
  loadingMore: boolean
}

/**
 * Search-as-you-type: asks the host once typing pauses for 150 ms, for one row per conversation.
 * Every request gets a number and only the newest may show its answer, so a slow old search never
 * replaces a newer one. "Load more" appends the next page of conversations.
 */
export function useHistorySearch(query: string, filters: SearchFilters) {
  const { client } = useAppStore()
  const historyVersion = useAppState((app) => app.historyVersion)
  const [answer, setAnswer] = useState<SearchAnswer | null>(null)
  const request = useRef(0)
  const input = searchInput(query, filters)
  const key = JSON.stringify(input)

  useEffect(() => {
    const id = ++request.current
    const parsed = JSON.parse(key) as MethodInput<'history.search'>
    if (!parsed.query) return
    const timer = setTimeout(() => {
      void client.invoke('history.search', parsed).then((result) => {
        if (id !== request.current) return
        setAnswer(
          result.ok
            ? { key, ...firstPage(result.value), error: null, loadingMore: false }
            : { key, hits: [], cursor: null, error: result.error, loadingMore: false },
        )
      })
    }, SEARCH_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [client, key, historyVersion])

  const current = answer?.key === key
  const cursor = current ? (answer?.cursor ?? null) : null
  const loadingMore = current && (answer?.loadingMore ?? false)
  const loadMore = useCallback(() => {
    if (!cursor || loadingMore) return
    const id = ++request.current
    setAnswer((previous) => previous && { ...previous, loadingMore: true })
    const parsed = JSON.parse(key) as MethodInput<'history.search'>
    void client.invoke('history.search', { ...parsed, cursor }).then((result) => {
      if (id !== request.current) return
      setAnswer((previous) =>
        !previous
          ? previous
          : result.ok
            ? {
                ...previous,
                hits: appendNew(previous.hits, result.value.hits),
                cursor: result.value.nextCursor,
                loadingMore: false,
                error: null,
              }
            : { ...previous, loadingMore: false, error: result.error },
      )
    })
  }, [client, key, cursor, loadingMore])

  const active = input.query !== ''
  return {
    active,
    /** True while the shown answer is for an older query (or there is none yet). */
    pending: active && !current,
    // The previous answer stays on screen while the next one is on its way (no flicker).
    hits: answer?.hits ?? [],
    more: cursor !== null,
    loadingMore,
    loadMore,
    error: current ? (answer?.error ?? null) : null,
  }
}

function firstPage(page: MethodOutput<'history.search'>) {
  return { hits: page.hits, cursor: page.nextCursor }
}

/** A conversation is shown once, where it was first found. */
function appendNew(hits: SearchHitView[], page: SearchHitView[]): SearchHitView[] {
  const seen = new Set(hits.map((hit) => hit.conversationId))
  return [...hits, ...page.filter((hit) => !seen.has(hit.conversationId))]
}

function searchInput(query: string, filters: SearchFilters): MethodInput<'history.search'> {
  const input: MethodInput<'history.search'> = {
    query: query.trim().slice(0, MAX_QUERY_LENGTH),
    group: 'conversation',
    limit: SEARCH_LIMIT,
  }
  if (filters.provider) input.provider = filters.provider
  const model = filters.model.trim()
  if (model) input.model = model
  return input
}
