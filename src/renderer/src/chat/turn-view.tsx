import { useLayoutEffect, useRef, useState } from 'react'
import { useI18n } from '../i18n/i18n'
import { HeadHeights, HeadHeightsContext } from '../compare/head-heights'
import { groupColumns } from '../compare/column-runs'
import { markWinners } from '../compare/mark-winners'
import type { Run, Turn } from './conversation-thread'
import { RunSlot } from './run-slot'
import { SiblingSwitcher } from './sibling-switcher'
import { UserMessage } from './user-message'

export interface TurnActions {
  pickVersion(messageId: string): void
  pickRun(messageId: string, runId: string): void
  resend(turn: Turn, text: string): Promise<boolean>
  /** A new answer: the chat's shown answer, or one comparison column's (run). */
  regenerate(turn: Turn, run?: Run): void
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
        <CompareRow turn={turn} onRegenerate={(run) => actions.regenerate(turn, run)} />
      )}
    </section>
  )
}

/**
 * A comparison turn: one column per model and parameters, each showing one of its answers (the
 * latest unless another is picked) with Regenerate / Retry and ‹ 1 / 2 › to flip between them.
 */
function CompareRow({ turn, onRegenerate }: { turn: Turn; onRegenerate(run: Run): void }) {
  const { t } = useI18n()
  const columns = groupColumns(turn.runs)
  // Column key → the answer picked in it; a column without one shows its latest.
  const [picked, setPicked] = useState<Record<string, string>>({})
  const shown = columns.map(
    (column) =>
      column.runs.find((run) => run.id === picked[column.key]) ?? (column.runs.at(-1) as Run),
  )
  const marks = markWinners(shown)
  const badgesOf = (runId: string) =>
    [
      marks.fastestFirstToken === runId ? t('compare.mark.fastestFirstToken') : null,
      marks.fastestTotal === runId ? t('compare.mark.fastestTotal') : null,
      marks.cheapest === runId ? t('compare.mark.cheapest') : null,
    ].filter((badge): badge is string => badge !== null)
  const modelOf = (runId: string | undefined) => shown.find((run) => run.id === runId)?.model
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
        data-columns={columns.length}
        style={{ ['--columns' as string]: String(Math.max(1, columns.length)) }}
      >
        <HeadHeightsContext.Provider value={headHeights}>
          {columns.map((column, index) => {
            const run = shown[index] as Run
            return (
              <RunSlot
                key={run.id}
                run={run}
                badges={badgesOf(run.id)}
                layout="column"
                onRegenerate={() => {
                  // The new answer is the column's latest: show it.
                  setPicked((p) =>
                    Object.fromEntries(Object.entries(p).filter(([key]) => key !== column.key)),
                  )
                  onRegenerate(run)
                }}
                siblings={
                  <SiblingSwitcher
                    index={column.runs.indexOf(run)}
                    count={column.runs.length}
                    label={t('compare.column.versions')}
                    onChange={(i) => {
                      const next = column.runs[i]
                      if (next) setPicked((p) => ({ ...p, [column.key]: next.id }))
                    }}
                  />
                }
              />
            )
          })}
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
