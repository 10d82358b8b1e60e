import { useState } from 'react'
import { HistoryFilters } from './history-filters'
import { HistoryFooter } from './history-footer'
import { HistoryList } from './history-list'
import { HistorySearchBox } from './history-search-box'
import { SearchResults } from './search-results'
import { useHistoryList } from './use-history-list'
import { useHistorySearch, type SearchFilters } from './use-history-search'
import { useRouteScopedStatus } from './use-route-scoped-status'
import './history.css'

/** The left sidebar's history: search with filters, the conversations by date, import/export. */
export function HistorySidebar() {
  const [query, setQuery] = useState('')
  const [filters, setFilters] = useState<SearchFilters>({ provider: '', model: '' })
  const [status, setStatus] = useRouteScopedStatus()
  const list = useHistoryList()
  const search = useHistorySearch(query, filters)

  return (
    <div className="history" data-testid="history-sidebar">
      <div className="history-top">
        <HistorySearchBox value={query} onChange={setQuery} />
        <HistoryFilters value={filters} onChange={setFilters} />
      </div>
      <div className="history-body">
        {search.active ? (
          <SearchResults query={query} search={search} />
        ) : (
          <HistoryList list={list} onStatus={setStatus} />
        )}
      </div>
      <HistoryFooter status={status} onStatus={setStatus} />
    </div>
  )
}
