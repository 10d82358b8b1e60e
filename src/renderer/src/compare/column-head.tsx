import { useContext, useLayoutEffect, useRef } from 'react'
import { useI18n } from '../i18n/i18n'
import { RunCardHeader } from '../chat/run-card-header'
import { RunFooter } from '../chat/run-footer'
import type { RunView } from '../chat/use-run-view'
import { HeadHeightsContext } from './head-heights'

/**
 * The head of a comparison column's answer: model, connection and status on one line, the
 * fastest / cheapest marks, the parameter chips and the live metrics. It stays at the top of the
 * list while the answer scrolls. Every head in a row is as tall as the tallest (HeadHeights), so
 * answers side by side start on one line; the marks' line is kept even when empty, so nothing
 * jumps when the marks arrive.
 */
export function ColumnHead(props: {
  run: RunView
  modelLabel: string
  connectionLabel: string
  badges: readonly string[]
  chips: readonly string[]
}) {
  const { t } = useI18n()
  const { run } = props
  const heights = useContext(HeadHeightsContext)
  const content = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    const element = content.current
    return heights && element ? heights.observe(element) : undefined
  }, [heights])
  return (
    <div className="run-card-head" data-testid="run-card-head">
      <div className="column-head-content" ref={content}>
        <RunCardHeader
          run={run}
          modelLabel={props.modelLabel}
          connectionLabel={props.connectionLabel}
        />
        <div className="run-card-tags">
          {props.badges.map((badge) => (
            <span key={badge} className="run-badge" data-testid="run-badge">
              {badge}
            </span>
          ))}
          <ul className="run-chips" aria-label={t('compare.column.parameters')}>
            {props.chips.length === 0 ? (
              <li className="run-chip run-chip-default">{t('compare.column.defaults')}</li>
            ) : (
              props.chips.map((chip) => (
                <li key={chip} className="run-chip" title={chip} data-testid="run-chip">
                  {chip}
                </li>
              ))
            )}
          </ul>
        </div>
        <RunFooter run={run} modelLabel={props.modelLabel} />
      </div>
    </div>
  )
}
