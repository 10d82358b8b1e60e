import { useId } from 'react'
import { useAppState } from '../app/app-context'
import { useI18n } from '../i18n/i18n'
import type { SearchFilters } from './use-history-search'

/** The filters in words ("OpenAI · gpt-4.1"), '' when none is on. */
export function useFilterSummary(value: SearchFilters): string {
  const providers = useAppState((app) => app.providers)
  const provider = value.provider
    ? (providers.find((p) => p.id === value.provider)?.label ?? value.provider)
    : ''
  return [provider, value.model.trim()].filter(Boolean).join(' · ')
}

/**
 * Narrows the list, and the search when there is text, to one provider and/or one model. When a
 * filter is on, a line says which, with a button that turns them off.
 */
export function HistoryFilters({
  value,
  onChange,
}: {
  value: SearchFilters
  onChange(value: SearchFilters): void
}) {
  const { t } = useI18n()
  const providers = useAppState((app) => app.providers)
  const summary = useFilterSummary(value)
  const providerId = useId()
  const modelId = useId()

  return (
    <div className="history-filters-box">
      <div className="history-filters" data-testid="history-filters">
        <label htmlFor={providerId} className="visually-hidden">
          {t('history.filter.provider')}
        </label>
        <select
          id={providerId}
          value={value.provider}
          onChange={(event) => onChange({ ...value, provider: event.target.value })}
        >
          <option value="">{t('history.filter.anyProvider')}</option>
          {providers.map((provider) => (
            <option key={provider.id} value={provider.id}>
              {provider.label}
            </option>
          ))}
        </select>
        <label htmlFor={modelId} className="visually-hidden">
          {t('history.filter.model')}
        </label>
        <input
          id={modelId}
          type="text"
          placeholder={t('history.filter.modelPlaceholder')}
          spellCheck={false}
          autoComplete="off"
          value={value.model}
          onChange={(event) => onChange({ ...value, model: event.target.value })}
        />
      </div>
      <div className="history-filter-state" data-testid="history-filter-state">
        {summary && (
          <>
            <span className="history-filter-chip" title={summary}>
              {t('history.filter.active', { filters: summary })}
            </span>
            <button
              type="button"
              className="history-filter-clear"
              onClick={() => onChange({ provider: '', model: '' })}
            >
              {t('history.filter.clear')}
            </button>
          </>
        )}
      </div>
    </div>
  )
}
