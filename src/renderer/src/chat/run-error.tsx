import { useAppStore } from '../app/app-context'
import { OriginalMessage } from '../components/original-message'
import { wordHint } from '../host/word-hint'
import { unsupportedReason } from '../models/unsupported-reason'
import { useI18n } from '../i18n/i18n'
import { adviceKey, pointsToConnection } from './error-advice'
import { formatWait } from './format-wait'
import type { RunView } from './use-run-view'

/** An error in plain words, with what to do about it and the provider's own message below. */
export function RunError({ run }: { run: RunView }) {
  const { t, language } = useI18n()
  const { navigate } = useAppStore()
  const hint = run.errorHint ? wordHint(run.errorHint, t) : undefined
  const reason = refusalReason(run, t)
  return (
    <div className="run-error" role="alert" data-testid="run-error" data-kind={run.errorKind ?? ''}>
      <p className="run-error-advice">
        {t(adviceKey(run.errorKind))}
        {run.retryAfterMs ? ` ${retryAdvice(run, t, language)}` : ''}
      </p>
      {reason ? (
        <p className="run-error-detail" data-testid="run-error-reason">
          {reason}
        </p>
      ) : null}
      {hint ? <p className="run-error-detail">{hint}</p> : null}
      {run.errorMessage ? (
        <OriginalMessage className="run-error-detail" message={run.errorMessage} />
      ) : null}
      {pointsToConnection(run.errorKind) ? (
        <button type="button" onClick={() => navigate({ name: 'connections' })}>
          {t('chat.error.openConnection')}
        </button>
      ) : null}
    </div>
  )
}

type Translate = ReturnType<typeof useI18n>['t']

/** Why a request field was refused, in the page's language (from the library's code). */
function refusalReason(run: RunView, t: Translate): string | undefined {
  const code = run.errorHint?.reasonCode
  if (code === undefined) return undefined
  const details = run.errorHint?.reasonDetails ?? {}
  return unsupportedReason(
    { support: 'unsupported', code, details, reason: run.errorMessage ?? '' },
    t,
  )
}

/** "asks to wait 60 min. Retry at 14:05." when the end is known, else "Retry in 30 s." */
function retryAdvice(run: RunView, t: Translate, language: string): string {
  const ms = run.retryAfterMs as number
  if (run.endedAt === null)
    return t('chat.error.retryIn', { seconds: String(Math.ceil(ms / 1000)) })
  const wait = formatWait(ms)
  const time = new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit' }).format(
    run.endedAt + ms,
  )
  return t('chat.error.asksToWait', {
    duration: t(`chat.duration.${wait.unit}`, { value: String(wait.value) }),
    time,
  })
}
