import { useId, useMemo } from 'react'
import { useAppState } from '../app/app-context'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/messages-en'
import { formatMonth, groupByDate, type DateBucket, type DateGroup } from './group-by-date'
import { HistoryItem } from './history-item'
import type { ReportStatus } from './history-status'
import { useConversationActions } from './use-conversation-actions'
import type { ConversationView, HistoryList as ListState } from './use-history-list'
import { useRovingFocus } from './use-roving-focus'

const GROUP_TITLES: Record<Exclude<DateBucket, 'month'>, MessageKey> = {
  pinned: 'history.group.pinned',
  today: 'history.group.today',
  yesterday: 'history.group.yesterday',
  previous7: 'history.group.previous7',
  previous30: 'history.group.previous30',
}

/**
 * Every conversation, grouped by date with the pinned ones first, and "Load more". The list is a
 * grid with one Tab stop: arrows move between conversations (`useRovingFocus`), each row's
 * second cell is its menu button.
 */
export function HistoryList({
  list,
  onStatus,
  emptyMessage,
}: {
  list: ListState
  onStatus: ReportStatus
  /** What an empty list says instead of "no conversations yet" (the filters matched none). */
  emptyMessage?: string
}) {
  const { t, language } = useI18n()
  const route = useAppState((app) => app.route)
  const actions = useConversationActions({
    onStatus,
    onUpdated: list.replace,
    onDeleted: list.remove,
  })
  const groups = useMemo(() => groupByDate(list.items, list.loadedAt), [list.items, list.loadedAt])
  const currentId = route.name === 'conversation' ? route.id : null
  const idPrefix = useId()
  const ids = useMemo(() => list.items.map((item) => item.id), [list.items])
  const roving = useRovingFocus(ids, currentId)

  if (list.status === 'loading') {
    return <p className="history-note">{t('history.loading')}</p>
  }
  if (list.status === 'error') {
    return (
      <div className="history-note" role="alert">
        <p>{t('history.loadFailed', { message: list.error?.message ?? '' })}</p>
        <button type="button" onClick={list.retry}>
          {t('history.retry')}
        </button>
      </div>
    )
  }
  if (groups.length === 0) {
    return <p className="history-note">{emptyMessage ?? t('history.empty')}</p>
  }

  const groupTitle = (group: DateGroup<ConversationView>) =>
    group.bucket === 'month'
      ? formatMonth(group.monthStart ?? 0, language)
      : t(GROUP_TITLES[group.bucket])

  return (
    <div className="history-groups">
      <div role="grid" aria-label={t('history.list.label')} {...roving.gridProps}>
        {groups.map((group) => (
          <div
            key={group.id}
            role="rowgroup"
            className="history-group"
            aria-labelledby={`${idPrefix}-${group.id}`}
            data-testid="history-group"
          >
            {/* A heading row: arrows pass over it, a screen reader's heading list still finds it. */}
            <div role="row">
              <div role="gridcell">
                <h2 id={`${idPrefix}-${group.id}`} className="history-group-title">
                  {groupTitle(group)}
                </h2>
              </div>
            </div>
            {group.items.map((conversation) => (
              <HistoryItem
                key={conversation.id}
                conversation={conversation}
                current={conversation.id === currentId}
                tabStop={conversation.id === roving.activeKey}
                actions={actions}
              />
            ))}
          </div>
        ))}
      </div>
      {list.error && <p className="history-note history-error">{list.error.message}</p>}
      {list.nextCursor && (
        <button
          type="button"
          className="history-load-more"
          disabled={list.loadingMore}
          onClick={list.loadMore}
        >
          {list.loadingMore ? t('history.loading') : t('history.loadMore')}
        </button>
      )}
    </div>
  )
}
