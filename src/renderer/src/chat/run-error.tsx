import { useApp } from '../app/app-context'
import { useI18n } from '../i18n/i18n'
import { adviceKey, pointsToConnection } from './error-advice'
import type { RunView } from './use-run-view'

/** An error in plain words, with what to do about it and the provider's own message below. */
export function RunError({ run }: { run: RunView }) {
  const { t } = useI18n()
  const { navigate } = useApp()
  const seconds = run.retryAfterMs ? String(Math.ceil(run.retryAfterMs / 1000)) : null
  return (
    <div className="run-error" role="alert" data-testid="run-error" data-kind={run.errorKind ?? ''}>
      <p className="run-error-advice">
        {t(adviceKey(run.errorKind))}
        {seconds && run.errorKind === 'rate_limit'
          ? ` ${t('chat.error.retryIn', { seconds })}`
          : ''}
      </p>
      {run.errorMessage ? <p className="run-error-detail">{run.errorMessage}</p> : null}
      {pointsToConnection(run.errorKind) ? (
        <button type="button" onClick={() => navigate({ name: 'connections' })}>
          {t('chat.error.openConnection')}
        </button>
      ) : null}
    </div>
  )
}
