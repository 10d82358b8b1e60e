import { memo, type ReactNode } from 'react'
import { ColumnHead } from '../compare/column-head'
import { CopyButton } from '../components/copy-button'
import { useI18n } from '../i18n/i18n'
import { MarkdownView } from '../markdown/markdown-view'
import { RunCardHeader } from './run-card-header'
import { RunError } from './run-error'
import { RunFooter } from './run-footer'
import { RunWait } from './run-wait'
import type { RunView } from './use-run-view'

export interface RunCardProps {
  run: RunView
  modelLabel: string
  connectionLabel: string
  /** E.g. "Fastest first token" marks in a comparison. */
  badges?: string[]
  /**
   * A comparison column: the header, the parameter chips and the live metrics stay at the top
   * while its answer scrolls. A chat keeps the metrics under the answer.
   */
  layout?: 'chat' | 'column'
  /** The run's parameter overrides, e.g. "Temperature 0.2" (column layout). */
  chips?: readonly string[]
  onStop(): void
  /** Ends the run's wait before a retry at once (runs.retryNow). */
  onRetryNow?: () => void
  /** Answers of the same prompt (a comparison: of this column) to flip through, and regenerate. */
  siblings?: ReactNode
  onRegenerate?: () => void
}

/** One answer: header, reasoning, the Markdown answer, its error, metrics and actions. */
export const RunCard = memo(function RunCard(props: RunCardProps) {
  const { t } = useI18n()
  const { run } = props
  const queued = run.status === 'queued'
  const streaming = run.status === 'streaming'
  const live = streaming || queued
  const column = props.layout === 'column'
  // A column that ended without a whole answer offers Retry; the same action as Regenerate.
  const retry =
    column && (run.status === 'error' || run.status === 'stopped' || run.status === 'interrupted')
  return (
    <article
      className={`run-card run-${run.status}`}
      data-testid="run-card"
      data-run-id={run.id}
      data-status={run.status}
      data-model={run.model}
      aria-busy={live}
      aria-label={t('chat.run.label', { model: props.modelLabel })}
    >
      {column ? (
        <ColumnHead
          run={run}
          modelLabel={props.modelLabel}
          connectionLabel={props.connectionLabel}
          badges={props.badges ?? []}
          chips={props.chips ?? []}
        />
      ) : (
        <RunCardHeader
          run={run}
          modelLabel={props.modelLabel}
          connectionLabel={props.connectionLabel}
          {...(props.badges ? { badges: props.badges } : {})}
        />
      )}
      {run.reasoning ? (
        <details className="run-reasoning" open={streaming && !run.answer}>
          <summary>{t('chat.run.reasoning')}</summary>
          <div className="run-reasoning-text">{run.reasoning}</div>
        </details>
      ) : null}
      <div className="run-answer" data-testid="run-answer">
        {run.answer ? (
          <MarkdownView text={run.answer} streaming={streaming} />
        ) : queued ? (
          <p className="run-waiting" data-testid="run-queued">
            {run.queuedAhead === null
              ? t('chat.status.queued')
              : run.queuedAhead > 0
                ? t('chat.run.queued', { ahead: String(run.queuedAhead) })
                : t('chat.run.queuedNext')}
          </p>
        ) : streaming && run.waiting ? (
          <RunWait
            waiting={run.waiting}
            onRetryNow={() => props.onRetryNow?.()}
            onCancel={props.onStop}
          />
        ) : streaming ? (
          <p className="run-waiting">{t('chat.run.waiting')}</p>
        ) : null}
      </div>
      {run.status === 'error' ? <RunError run={run} /> : null}
      {run.status === 'interrupted' ? (
        <p className="run-note">{t('chat.run.interruptedNote')}</p>
      ) : null}
      {run.status === 'disconnected' ? (
        <p className="run-note" data-testid="run-disconnected">
          {t('chat.run.disconnectedNote')}
        </p>
      ) : null}
      {column ? null : <RunFooter run={run} modelLabel={props.modelLabel} />}
      <div className="run-actions">
        {live ? (
          <button type="button" onClick={props.onStop} data-testid="stop-run">
            {t('chat.run.stop')}
          </button>
        ) : (
          <>
            <CopyButton text={run.answer} label={t('chat.run.copy')} />
            {props.onRegenerate ? (
              <button
                type="button"
                onClick={props.onRegenerate}
                data-testid={retry ? 'retry-column' : 'regenerate'}
              >
                {retry ? t('compare.column.retry') : t('chat.run.regenerate')}
              </button>
            ) : null}
          </>
        )}
        {props.siblings}
      </div>
    </article>
  )
})
