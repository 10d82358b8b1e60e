import { useEffect, useState } from 'react'
import { useI18n } from '../i18n/i18n'
import {
  formatApprox,
  formatCount,
  formatMoney,
  formatRate,
  formatSeconds,
} from '../i18n/format-numbers'
import type { RunView } from './use-run-view'

/** Model, time to first token, total time, tokens/s, tokens in/out and cost under an answer. */
export function RunFooter({ run, modelLabel }: { run: RunView; modelLabel: string }) {
  const { t, language } = useI18n()
  const elapsed = useElapsed(run.status === 'streaming' ? run.startedAt : null)
  const total = run.status === 'streaming' ? elapsed : run.totalMs
  const money = run.costUsd === null ? null : formatMoney(run.costUsd, language)
  const cost =
    money === null
      ? t('chat.metrics.noPrice')
      : run.costEstimated
        ? formatApprox(money, language)
        : money
  return (
    <dl className="run-footer" data-testid="run-metrics">
      <div>
        <dt className="visually-hidden">{t('chat.metrics.model')}</dt>
        <dd className="run-footer-model">{modelLabel}</dd>
      </div>
      <div title={t('chat.metrics.ttftHelp')}>
        <dt>{t('chat.metrics.ttft')}</dt>
        <dd data-metric="ttft">{formatSeconds(run.ttftMs, language)}</dd>
      </div>
      <div>
        <dt>{t('chat.metrics.total')}</dt>
        <dd data-metric="total">{formatSeconds(total, language)}</dd>
      </div>
      {run.queueWaitMs ? (
        <div title={t('chat.metrics.waitHelp')}>
          <dt>{t('chat.metrics.queueWait')}</dt>
          <dd data-metric="queue-wait">{formatSeconds(run.queueWaitMs, language)}</dd>
        </div>
      ) : null}
      {run.retryWaitMs ? (
        <div title={t('chat.metrics.waitHelp')}>
          <dt>{t('chat.metrics.retryWait')}</dt>
          <dd data-metric="retry-wait">{formatSeconds(run.retryWaitMs, language)}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('chat.metrics.speed')}</dt>
        <dd data-metric="speed">
          {t('chat.metrics.tokensPerSecond', { value: formatRate(run.tokensPerSecond, language) })}
        </dd>
      </div>
      <div>
        <dt>{t('chat.metrics.tokens')}</dt>
        <dd data-metric="tokens">
          {formatCount(run.tokensIn, language)} → {formatCount(run.tokensOut, language)}
        </dd>
      </div>
      <div>
        <dt>{t('chat.metrics.cost')}</dt>
        <dd data-metric="cost">{cost}</dd>
      </div>
    </dl>
  )
}

/** Milliseconds since `from`, ticking four times a second; null when not running. */
function useElapsed(from: number | null): number | null {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (from === null) return
    const timer = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(timer)
  }, [from])
  return from === null ? null : Math.max(0, now - from)
}
