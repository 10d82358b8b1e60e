import { useId } from 'react'
import type { ProviderView } from '../app/app-context'
import { useI18n } from '../i18n/i18n'

interface ProviderPickerProps {
  providers: readonly ProviderView[]
  value: string | null
  onChange(id: string): void
  error?: string | undefined
}

/** Radio cards, one per provider; each radio is named by the provider's label. */
export function ProviderPicker({ providers, value, onChange, error }: ProviderPickerProps) {
  const { t } = useI18n()
  const name = useId()
  const errorId = `${name}-error`
  return (
    <fieldset className="cx-providers" aria-describedby={error ? errorId : undefined}>
      <legend>{t('connections.form.provider')}</legend>
      {value === null && <p className="cx-help">{t('connections.form.pickProvider')}</p>}
      <div className="cx-provider-grid">
        {providers.map((provider) => (
          <label key={provider.id} className="cx-provider-card">
            <input
              type="radio"
              name={name}
              value={provider.id}
              checked={value === provider.id}
              onChange={() => onChange(provider.id)}
            />
            <span>{provider.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} className="cx-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  )
}
