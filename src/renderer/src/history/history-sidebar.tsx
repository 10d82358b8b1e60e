import { useState } from 'react'
import { useI18n } from '../i18n/i18n'
import { HistoryFilters, useFilterSummary } from './history-filters'
import { HistoryFooter } from './history-footer'
import { HistoryList } from './history-list'
import { HistorySearchBox } from './history-search-box'
import { SearchIndexStatus } from './search-index-status'
import { SearchResults } from './search-results'
import { useDebouncedValue } from './use-debounced-value'
import { useHistoryList } from './use-history-list'
import { SEARCH_DEBOUNCE_MS, useHistorySearch, type SearchFilters } from './use-history-search'
import { useRouteScopedStatus } from './use-route-scoped-status'
import './history.css'

const NO_FILTERS: SearchFilters = { provider: '', model: '' }

/**
 * The left sidebar's history: search, the provider and model filters (which narrow the list on
 * their own, and the search when there is text), the conversations by date, import/export.
 */
export function HistorySidebar() {
  const { t } = useI18n()
  const [query, setQuery] = useState('')
  const [filters, setFilters] = useState<SearchFilters>(NO_FILTERS)
  const [status, setStatus] = useRouteScopedStatus()
  const list = useHistoryList(useDebouncedValue(filters, SEARCH_DEBOUNCE_MS))
  const search = useHistorySearch(query, filters)
  const summary = useFilterSummary(filters)

  return (
    <div className="history" data-testid="history-sidebar">
      <div className="history-top">
        <HistorySearchBox value={query} onChange={setQuery} />
        <HistoryFilters value={filters} onChange={setFilters} />
        <SearchIndexStatus />
      </div>
      <div className="history-body">
        {search.active ? (
          <SearchResults query={query} search={search} />
        ) : (
          <HistoryList
            list={list}
            onStatus={setStatus}
            emptyMessage={summary ? t('history.filter.none', { filters: summary }) : undefined}
          />
        )}
      </div>
      <HistoryFooter status={status} onStatus={setStatus} />
    </div>
  )
}
