import { useCallback, useMemo } from 'react'
import { useAppState } from '../app/app-context'
import { useI18n } from '../i18n/i18n'
import { SearchResultRow } from './search-result-row'
import type { useHistorySearch } from './use-history-search'
import { useRovingFocus } from './use-roving-focus'

/**
 * What the search found: one row per conversation, the newest match first, with its match count
 * and best snippet; a click or Enter opens the conversation at that message. Like the history
 * list, a grid with one Tab stop that arrows move through; "Load more" fetches the next page.
 */
export function SearchResults({
  query,
  search,
}: {
  query: string
  search: ReturnType<typeof useHistorySearch>
}) {
  const { t, language } = useI18n()
  const providers = useAppState((app) => app.providers)
  const providerLabels = useMemo(
    () => new Map(providers.map((provider) => [provider.id, provider.label])),
    [providers],
  )
  const providerLabel = useCallback((id: string) => providerLabels.get(id) ?? id, [providerLabels])
  const dateFormat = useMemo(
    () => new Intl.DateTimeFormat(language, { dateStyle: 'medium' }),
    [language],
  )
  const hitKeys = useMemo(() => search.hits.map((hit) => hit.conversationId), [search.hits])
  const roving = useRovingFocus(hitKeys, null)

  if (search.error && search.hits.length === 0) {
    return (
      <p className="history-note history-error" role="alert">
        {t('history.search.failed', { message: search.error.message })}
      </p>
    )
  }
  if (search.hits.length === 0) {
    return (
      <p className="history-note" role="status">
        {search.pending
          ? t('history.search.searching')
          : t('history.search.empty', { query: query.trim() })}
      </p>
    )
  }

  return (
    <div className="history-results" aria-busy={search.pending} data-testid="history-results">
      <div
        role="grid"
        className="history-items"
        aria-label={t('history.search.results')}
        {...roving.gridProps}
      >
        {search.hits.map((hit) => (
          <SearchResultRow
            key={hit.conversationId}
            hit={hit}
            rowKey={hit.conversationId}
            tabStop={hit.conversationId === roving.activeKey}
            providerLabel={providerLabel}
            dateFormat={dateFormat}
          />
        ))}
      </div>
      {search.error && (
        <p className="history-note history-error" role="alert">
          {t('history.search.failed', { message: search.error.message })}
        </p>
      )}
      {search.more && (
        <button
          type="button"
          className="history-load-more"
          disabled={search.loadingMore}
          onClick={search.loadMore}
        >
          {search.loadingMore ? t('history.loading') : t('history.loadMore')}
        </button>
      )}
    </div>
  )
}
