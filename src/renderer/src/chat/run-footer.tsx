import { useEffect, useState } from 'react'
import { useI18n } from '../i18n/i18n'
import {
  formatApprox,
  formatCount,
  formatMoney,
  formatRate,
  formatSeconds,
} from '../i18n/format-numbers'
import { shownTimes } from './shown-times'
import type { RunView } from './use-run-view'

/** Model, time to first token, total time, tokens/s, tokens in/out and cost under an answer. */
export function RunFooter({ run, modelLabel }: { run: RunView; modelLabel: string }) {
  const { t, language } = useI18n()
  const live = run.status === 'streaming'
  const now = useNow(live)
  const { ttftMs, totalMs } = shownTimes({ ...run, live }, now)
  const approx = (text: string, estimated: boolean) =>
    estimated ? formatApprox(text, language) : text
  const counted = run.tokensIn !== null || run.tokensOut !== null
  const cost =
    run.costUsd !== null
      ? approx(formatMoney(run.costUsd, language), run.costEstimated)
      : counted
        ? t('chat.metrics.noPrice')
        : '—'
  const speed =
    run.tokensPerSecond === null
      ? '—'
      : approx(
          t('chat.metrics.tokensPerSecond', { value: formatRate(run.tokensPerSecond, language) }),
          run.speedEstimated,
        )
  const tokens = `${formatCount(run.tokensIn, language)} → ${formatCount(run.tokensOut, language)}`
  return (
    <dl className="run-footer" data-testid="run-metrics">
      <div>
        <dt className="visually-hidden">{t('chat.metrics.model')}</dt>
        <dd className="run-footer-model">{modelLabel}</dd>
      </div>
      <div title={t('chat.metrics.ttftHelp')}>
        <dt>{t('chat.metrics.ttft')}</dt>
        <dd data-metric="ttft">{formatSeconds(ttftMs, language)}</dd>
      </div>
      <div>
        <dt>{t('chat.metrics.total')}</dt>
        <dd data-metric="total">{formatSeconds(totalMs, language)}</dd>
      </div>
      {worthShowing(run.queueWaitMs) ? (
        <div title={t('chat.metrics.waitHelp')}>
          <dt>{t('chat.metrics.queueWait')}</dt>
          <dd data-metric="queue-wait">{formatSeconds(run.queueWaitMs, language)}</dd>
        </div>
      ) : null}
      {worthShowing(run.retryWaitMs) ? (
        <div title={t('chat.metrics.waitHelp')}>
          <dt>{t('chat.metrics.retryWait')}</dt>
          <dd data-metric="retry-wait">{formatSeconds(run.retryWaitMs, language)}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('chat.metrics.speed')}</dt>
        <dd data-metric="speed">{speed}</dd>
      </div>
      <div>
        <dt>{t('chat.metrics.tokens')}</dt>
        <dd data-metric="tokens">{counted ? approx(tokens, run.tokensEstimated) : tokens}</dd>
      </div>
      <div>
        <dt>{t('chat.metrics.cost')}</dt>
        <dd data-metric="cost">{cost}</dd>
      </div>
    </dl>
  )
}

/**
 * The time now, ticking four times a second while `running`. Up to a tick old: shownTimes keeps
 * Total from reading below First token meanwhile.
 */
function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!running) return
    const timer = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(timer)
  }, [running])
  return now
}

/**
 * A wait shorter than this is the host's own scheduling, not a queue or a retry: shown, it only
 * reads "0 s" beside every answer.
 */
const SHORTEST_SHOWN_WAIT_MS = 50

function worthShowing(waitMs: number | null): boolean {
  return waitMs !== null && waitMs >= SHORTEST_SHOWN_WAIT_MS
}
