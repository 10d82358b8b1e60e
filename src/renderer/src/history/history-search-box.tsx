import { useEffect, useRef } from 'react'
import { useI18n } from '../i18n/i18n'
import { FOCUS_SEARCH_EVENT } from '../shortcuts/shortcut-table'
import { searchShortcutHint } from './search-shortcut-hint'
import { MAX_QUERY_LENGTH } from './use-history-search'

const SHORTCUT = searchShortcutHint()

/**
 * The search field at the top of the sidebar. The global shortcut reaches it through the
 * `parallax:focus-search` window event; Escape clears it.
 */
export function HistorySearchBox({
  value,
  onChange,
}: {
  value: string
  onChange(value: string): void
}) {
  const { t } = useI18n()
  const input = useRef<HTMLInputElement>(null)

  useEffect(() => {
    const focus = () => {
      input.current?.focus()
      input.current?.select()
    }
    window.addEventListener(FOCUS_SEARCH_EVENT, focus)
    return () => window.removeEventListener(FOCUS_SEARCH_EVENT, focus)
  }, [])

  return (
    <div className="history-search">
      <svg className="history-search-icon" viewBox="0 0 16 16" aria-hidden="true">
        <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="m10.5 10.5 3 3" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      <input
        ref={input}
        type="search"
        data-testid="history-search"
        aria-label={t('history.search.label')}
        aria-keyshortcuts={SHORTCUT?.aria}
        placeholder={t('history.search.placeholder')}
        maxLength={MAX_QUERY_LENGTH}
        spellCheck={false}
        autoComplete="off"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return
          event.preventDefault()
          if (value) onChange('')
          else event.currentTarget.blur()
        }}
      />
      {SHORTCUT && (
        <kbd className="history-search-shortcut" aria-hidden="true">
          {SHORTCUT.text}
        </kbd>
      )}
    </div>
  )
}
