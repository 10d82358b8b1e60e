import { useEffect, useState } from 'react'
import { useI18n } from '../i18n/i18n'
import type { RunWaiting } from '../runs/live-run-store'

/** A run waiting before a retry: why, a live countdown, and Retry now / Cancel. */
export function RunWait(props: { waiting: RunWaiting; onRetryNow(): void; onCancel(): void }) {
  const { t } = useI18n()
  const { waiting } = props
  const now = useNow(250)
  const seconds = Math.max(0, Math.ceil((waiting.retryAt - now) / 1000))
  return (
    <div className="run-wait" role="status" data-testid="run-wait" data-reason={waiting.reason}>
      <p>
        {t(`chat.wait.${waiting.reason}`)}{' '}
        <span data-testid="run-wait-countdown">
          {t('chat.wait.countdown', { seconds: String(seconds), attempt: String(waiting.attempt) })}
        </span>
      </p>
      <button type="button" onClick={props.onRetryNow} data-testid="retry-now">
        {t('chat.wait.retryNow')}
      </button>
      <button type="button" onClick={props.onCancel} data-testid="cancel-wait">
        {t('chat.wait.cancel')}
      </button>
    </div>
  )
}

/** Date.now(), refreshed every `intervalMs`. */
function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}
