import { useMemo } from 'react'
import { useAppState, useAppStore } from '../app/app-context'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/messages-en'
import { HighlightedSnippet } from './highlighted-snippet'
import type { SearchHitView, useHistorySearch } from './use-history-search'
import { ROVING_CELL, ROVING_ROW, useRovingFocus } from './use-roving-focus'

const KIND_LABELS: Record<SearchHitView['kind'], MessageKey> = {
  title: 'history.hit.kind.title',
  prompt: 'history.hit.kind.prompt',
  answer: 'history.hit.kind.answer',
}

/**
 * What the search found, newest first, each with its snippet; a click or Enter opens the
 * conversation. Like the history list, a grid with one Tab stop that arrows move through.
 */
export function SearchResults({
  query,
  search,
}: {
  query: string
  search: ReturnType<typeof useHistorySearch>
}) {
  const { t, language } = useI18n()
  const { navigate } = useAppStore()
  const providers = useAppState((app) => app.providers)
  const providerLabels = useMemo(
    () => new Map(providers.map((provider) => [provider.id, provider.label])),
    [providers],
  )
  const dateFormat = useMemo(
    () => new Intl.DateTimeFormat(language, { dateStyle: 'medium' }),
    [language],
  )
  const hitKeys = useMemo(() => search.hits.map((hit, index) => hitKey(hit, index)), [search.hits])
  const roving = useRovingFocus(hitKeys, null)

  if (search.error) {
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
        {search.hits.map((hit, index) => {
          const title = hit.conversationTitle.trim() || t('history.untitled')
          const provider = hit.provider ? (providerLabels.get(hit.provider) ?? hit.provider) : null
          const source = [provider, hit.model].filter(Boolean).join(' · ')
          const key = hitKeys[index] ?? ''
          return (
            <div key={key} role="row" {...{ [ROVING_ROW]: key }}>
              <div role="gridcell">
                <button
                  type="button"
                  className="history-hit"
                  data-testid="history-hit"
                  tabIndex={key === roving.activeKey ? 0 : -1}
                  {...{ [ROVING_CELL]: '' }}
                  onClick={() => navigate({ name: 'conversation', id: hit.conversationId })}
                >
                  <span className="history-hit-title" title={title}>
                    {title}
                  </span>
                  <span className="history-hit-meta">
                    <span className="history-hit-kind">{t(KIND_LABELS[hit.kind])}</span>
                    {source && <span className="history-hit-source">{source}</span>}
                    <time dateTime={new Date(hit.createdAt).toISOString()}>
                      {dateFormat.format(hit.createdAt)}
                    </time>
                  </span>
                  <HighlightedSnippet text={hit.snippet.text} highlights={hit.snippet.highlights} />
                </button>
              </div>
            </div>
          )
        })}
      </div>
      {search.more && (
        <p className="history-note">
          {t('history.search.more', { count: String(search.hits.length) })}
        </p>
      )}
    </div>
  )
}

function hitKey(hit: SearchHitView, index: number): string {
  return `${hit.conversationId}-${hit.runId ?? hit.messageId ?? hit.kind}-${index}`
}
