import { useEffect, useState } from 'react'
import { useAppStore } from '../app/app-context'
import { useI18n } from '../i18n/i18n'

/** How often the rebuild's progress is asked for while it runs. */
export const SEARCH_INDEX_POLL_MS = 1000

/**
 * While the search index is rebuilt in the background (after an update that changed how text is
 * searched), says so with the percent done: search works meanwhile but may miss older items.
 * Shows nothing otherwise.
 */
export function SearchIndexStatus() {
  const { t } = useI18n()
  const { client } = useAppStore()
  const [percent, setPercent] = useState<number | null>(null)

  useEffect(() => {
    let current = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const ask = () => {
      void client.invoke('history.searchIndex', {}).then((result) => {
        if (!current) return
        const rebuilding = result.ok && result.value.rebuilding
        setPercent(rebuilding ? result.value.percent : null)
        if (rebuilding) timer = setTimeout(ask, SEARCH_INDEX_POLL_MS)
      })
    }
    ask()
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [client])

  if (percent === null) return null
  return (
    <p className="history-index-status" role="status" data-testid="search-index-status">
      {t('history.search.rebuilding', { percent: String(percent) })}
    </p>
  )
}
