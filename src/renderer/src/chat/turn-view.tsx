import { useLayoutEffect, useRef, useState } from 'react'
import { useI18n } from '../i18n/i18n'
import { HeadHeights, HeadHeightsContext } from '../compare/head-heights'
import { markWinners } from '../compare/mark-winners'
import type { Turn } from './conversation-thread'
import { RunSlot } from './run-slot'
import { SiblingSwitcher } from './sibling-switcher'
import { UserMessage } from './user-message'

export interface TurnActions {
  pickVersion(messageId: string): void
  pickRun(messageId: string, runId: string): void
  resend(turn: Turn, text: string): Promise<boolean>
  regenerate(turn: Turn): void
  runOn(turn: Turn): void
}

/** One prompt and its answer (chat) or answers side by side (comparison). */
export function TurnView(props: { turn: Turn; mode: 'chat' | 'compare'; actions: TurnActions }) {
  const { t } = useI18n()
  const { turn, actions } = props
  return (
    <section className="turn" data-testid="turn">
      <UserMessage
        turn={turn}
        onPickVersion={actions.pickVersion}
        onResend={(text) => actions.resend(turn, text)}
        onRunOn={() => actions.runOn(turn)}
      />
      {props.mode === 'chat' ? (
        turn.activeRun ? (
          <RunSlot
            key={turn.activeRun.id}
            run={turn.activeRun}
            onRegenerate={() => actions.regenerate(turn)}
            siblings={
              <SiblingSwitcher
                index={turn.runs.indexOf(turn.activeRun)}
                count={turn.runs.length}
                label={t('chat.run.versions')}
                onChange={(index) => {
                  const target = turn.runs[index]
                  if (target) actions.pickRun(turn.message.id, target.id)
                }}
              />
            }
          />
        ) : null
      ) : (
        <CompareRow turn={turn} />
      )}
    </section>
  )
}

function CompareRow({ turn }: { turn: Turn }) {
  const { t } = useI18n()
  const marks = markWinners(turn.runs)
  const badgesOf = (runId: string) =>
    [
      marks.fastestFirstToken === runId ? t('compare.mark.fastestFirstToken') : null,
      marks.fastestTotal === runId ? t('compare.mark.fastestTotal') : null,
      marks.cheapest === runId ? t('compare.mark.cheapest') : null,
    ].filter((badge): badge is string => badge !== null)
  const modelOf = (runId: string | undefined) => turn.runs.find((run) => run.id === runId)?.model
  // Column heads of one row share a height, so the answers start on one line.
  const [headHeights] = useState(() => new HeadHeights())
  const row = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    headHeights.attach(row.current)
    return () => headHeights.attach(null)
  }, [headHeights])
  return (
    <>
      <div
        className="compare-row"
        data-testid="compare-row"
        ref={row}
        style={{ ['--columns' as string]: String(Math.max(1, turn.runs.length)) }}
      >
        <HeadHeightsContext.Provider value={headHeights}>
          {turn.runs.map((run) => (
            <RunSlot key={run.id} run={run} badges={badgesOf(run.id)} layout="column" />
          ))}
        </HeadHeightsContext.Provider>
      </div>
      {marks.fastestTotal ? (
        <dl className="compare-summary" data-testid="compare-summary">
          <div>
            <dt>{t('compare.mark.fastestFirstToken')}</dt>
            <dd>{modelOf(marks.fastestFirstToken) ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('compare.mark.fastestTotal')}</dt>
            <dd>{modelOf(marks.fastestTotal) ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('compare.mark.cheapest')}</dt>
            <dd>{modelOf(marks.cheapest) ?? '—'}</dd>
          </div>
        </dl>
      ) : null}
    </>
  )
}
