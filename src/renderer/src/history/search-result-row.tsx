import { useState } from 'react'
import { useAppStore } from '../app/app-context'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/messages-en'
import { HighlightedSnippet } from './highlighted-snippet'
import type { SearchHitView } from './use-history-search'
import { ROVING_CELL, ROVING_ROW } from './use-roving-focus'

type Match = Pick<SearchHitView, 'kind' | 'messageId' | 'provider' | 'model' | 'createdAt'> & {
  snippet: SearchHitView['snippet']
}

const KIND_LABELS: Record<SearchHitView['kind'], MessageKey> = {
  title: 'history.hit.kind.title',
  prompt: 'history.hit.kind.prompt',
  answer: 'history.hit.kind.answer',
}

/**
 * One conversation the search found: its title, how many of its items match, the best match's
 * snippet, and behind "Show n more" its next matches. Each opens the conversation at its message.
 */
export function SearchResultRow({
  hit,
  rowKey,
  tabStop,
  providerLabel,
  dateFormat,
}: {
  hit: SearchHitView
  rowKey: string
  tabStop: boolean
  providerLabel(id: string): string
  dateFormat: Intl.DateTimeFormat
}) {
  const { t } = useI18n()
  const { navigate } = useAppStore()
  const [expanded, setExpanded] = useState(false)
  const title = hit.conversationTitle.trim() || t('history.untitled')
  const more = hit.more ?? []
  const open = (match: Match) =>
    navigate({
      name: 'conversation',
      id: hit.conversationId,
      ...(match.messageId ? { message: match.messageId } : {}),
    })
  const meta = (match: Match) => {
    const provider = match.provider ? providerLabel(match.provider) : null
    const source = [provider, match.model].filter(Boolean).join(' · ')
    return (
      <span className="history-hit-meta">
        <span className="history-hit-kind">{t(KIND_LABELS[match.kind])}</span>
        {source && <span className="history-hit-source">{source}</span>}
        <time dateTime={new Date(match.createdAt).toISOString()}>
          {dateFormat.format(match.createdAt)}
        </time>
      </span>
    )
  }

  return (
    <div role="row" className="history-hit-row" {...{ [ROVING_ROW]: rowKey }}>
      <div role="gridcell">
        <button
          type="button"
          className="history-hit"
          data-testid="history-hit"
          tabIndex={tabStop ? 0 : -1}
          {...{ [ROVING_CELL]: '' }}
          onClick={() => open(hit)}
        >
          <span className="history-hit-head">
            <span className="history-hit-title" title={title}>
              {title}
            </span>
            {hit.matches !== undefined && (
              <span className="history-hit-count" data-testid="history-hit-count">
                {hit.matches === 1
                  ? t('history.hit.matchesOne')
                  : t('history.hit.matches', { count: String(hit.matches) })}
              </span>
            )}
          </span>
          {meta(hit)}
          <HighlightedSnippet text={hit.snippet.text} highlights={hit.snippet.highlights} />
        </button>
      </div>
      {more.length > 0 && (
        <div role="gridcell">
          <button
            type="button"
            className="history-hit-toggle"
            aria-expanded={expanded}
            tabIndex={-1}
            {...{ [ROVING_CELL]: '' }}
            onClick={() => setExpanded((value) => !value)}
          >
            {expanded
              ? t('history.hit.showFewer')
              : t('history.hit.showMore', { count: String(more.length) })}
          </button>
        </div>
      )}
      {expanded &&
        more.map((match, index) => (
          <div role="gridcell" key={index}>
            <button
              type="button"
              className="history-hit history-hit-extra"
              data-testid="history-hit-more"
              tabIndex={-1}
              {...{ [ROVING_CELL]: '' }}
              onClick={() => open(match)}
            >
              {meta(match)}
              <HighlightedSnippet text={match.snippet.text} highlights={match.snippet.highlights} />
            </button>
          </div>
        ))}
    </div>
  )
}
