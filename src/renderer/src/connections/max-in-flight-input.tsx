import { DEFAULT_MAX_IN_FLIGHT, MAX_IN_FLIGHT_LIMIT } from '../../../shared/connection-schemas'
import { useI18n } from '../i18n/i18n'

/** The limit typed in the form, or null when it is not a whole number from 1 to 64. */
export function parseMaxInFlight(text: string): number | null {
  const value = Number(text.trim())
  return Number.isInteger(value) && value >= 1 && value <= MAX_IN_FLIGHT_LIMIT ? value : null
}

/** The connection's limit of requests in flight at once; more runs wait in a queue. */
export function MaxInFlightInput(props: {
  id: string
  value: string
  onChange(value: string): void
  error?: string | undefined
}) {
  const { t } = useI18n()
  const helpId = `${props.id}-help`
  const errorId = `${props.id}-error`
  return (
    <div className={`cx-field${props.error ? ' cx-field-invalid' : ''}`}>
      <div className="cx-field-head">
        <label htmlFor={props.id}>{t('connections.form.maxInFlight')}</label>
      </div>
      <div className="cx-input-row">
        <input
          id={props.id}
          data-testid="max-in-flight"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_IN_FLIGHT_LIMIT}
          step={1}
          placeholder={String(DEFAULT_MAX_IN_FLIGHT)}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={props.error ? `${errorId} ${helpId}` : helpId}
        />
      </div>
      {props.error && (
        <p id={errorId} className="cx-error" role="alert">
          {props.error}
        </p>
      )}
      <p id={helpId} className="cx-help">
        {t('connections.form.maxInFlightHelp', { max: String(MAX_IN_FLIGHT_LIMIT) })}
      </p>
    </div>
  )
}
