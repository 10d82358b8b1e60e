import { useEffect, useRef, useState } from 'react'
import type { MethodInput, MethodOutput } from '../../../shared/contract'
import type { RpcError } from '../../../shared/rpc-result'
import { useAppState, useAppStore } from '../app/app-context'

export type SearchHitView = MethodOutput<'history.search'>['hits'][number]

export interface SearchFilters {
  /** Provider id, '' for all. */
  provider: string
  /** Model id (exact), '' for all. */
  model: string
}

export const SEARCH_DEBOUNCE_MS = 150
export const SEARCH_LIMIT = 30
export const MAX_QUERY_LENGTH = 500

interface SearchAnswer {
  /** Which query and filters this answer is for. */
  key: string
  hits: SearchHitView[]
  more: boolean
  error: RpcError | null
}

/**
 * Search-as-you-type: asks the host once typing pauses for 150 ms. Every request gets a number
 * and only the newest may show its answer, so a slow old search never replaces a newer one.
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
            ? { key, hits: result.value.hits, more: result.value.nextCursor !== null, error: null }
            : { key, hits: [], more: false, error: result.error },
        )
      })
    }, SEARCH_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [client, key, historyVersion])

  const active = input.query !== ''
  const current = answer?.key === key
  return {
    active,
    /** True while the shown answer is for an older query (or there is none yet). */
    pending: active && !current,
    // The previous answer stays on screen while the next one is on its way (no flicker).
    hits: answer?.hits ?? [],
    more: current && (answer?.more ?? false),
    error: current ? (answer?.error ?? null) : null,
  }
}

function searchInput(query: string, filters: SearchFilters): MethodInput<'history.search'> {
  const input: MethodInput<'history.search'> = {
    query: query.trim().slice(0, MAX_QUERY_LENGTH),
    limit: SEARCH_LIMIT,
  }
  if (filters.provider) input.provider = filters.provider
  const model = filters.model.trim()
  if (model) input.model = model
  return input
}
