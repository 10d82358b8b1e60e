import { useI18n } from '../i18n/i18n'
import type { RunView } from './use-run-view'

/** A run card's first line: model, connection, any marks, and the status. */
export function RunCardHeader(props: {
  run: RunView
  modelLabel: string
  connectionLabel: string
  badges?: readonly string[]
}) {
  const { t } = useI18n()
  const { run } = props
  return (
    <header className="run-card-header">
      <span className="run-card-model" title={run.model}>
        {props.modelLabel}
      </span>
      <span className="run-card-connection" title={props.connectionLabel}>
        {props.connectionLabel}
      </span>
      {props.badges?.map((badge) => (
        <span key={badge} className="run-badge" data-testid="run-badge">
          {badge}
        </span>
      ))}
      <span className={`run-status run-status-${run.status}`}>
        {t(`chat.status.${run.status}`)}
      </span>
    </header>
  )
}
