import { useId } from 'react'
import { useAppState } from '../app/app-context'
import { useI18n } from '../i18n/i18n'
import type { SearchFilters } from './use-history-search'

/** Narrows the search to one provider and/or one model. */
export function HistoryFilters({
  value,
  onChange,
}: {
  value: SearchFilters
  onChange(value: SearchFilters): void
}) {
  const { t } = useI18n()
  const providers = useAppState((app) => app.providers)
  const providerId = useId()
  const modelId = useId()

  return (
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
  )
}
