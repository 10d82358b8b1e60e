import { useAppState, useAppStore } from '../app/app-context'
import { useLiveRunStore } from '../runs/live-run-context'
import type { Run } from './conversation-thread'
import { RunCard } from './run-card'
import { useRunView } from './use-run-view'
import { useMemo, type ReactNode } from 'react'
import { parameterChips } from '../compare/parameter-chips'
import { useI18n } from '../i18n/i18n'

/** A saved run joined with its live text, and the labels of its model and connection. */
export function RunSlot(props: {
  run: Run
  badges?: string[]
  /** A comparison column: header, parameter chips and metrics stay in view (see RunCard). */
  layout?: 'chat' | 'column'
  siblings?: ReactNode
  onRegenerate?: () => void
}) {
  const { client } = useAppStore()
  const connections = useAppState((app) => app.connections)
  const store = useLiveRunStore()
  const view = useRunView(props.run)
  const connection = connections.find((c) => c.id === props.run.connectionId)
  const { t, language } = useI18n()
  const column = props.layout === 'column'
  const parameters = props.run.parameters
  const chips = useMemo(
    () => (column ? parameterChips(parameters, t, language) : undefined),
    [column, parameters, t, language],
  )
  return (
    <RunCard
      run={view}
      modelLabel={props.run.model}
      connectionLabel={connection?.label ?? props.run.provider}
      {...(props.badges ? { badges: props.badges } : {})}
      {...(props.layout ? { layout: props.layout } : {})}
      {...(chips ? { chips } : {})}
      siblings={props.siblings}
      {...(props.onRegenerate ? { onRegenerate: props.onRegenerate } : {})}
      onStop={() => void client.invoke('runs.stop', { runId: props.run.id })}
      onRetryNow={() => {
        store.endWait(props.run.id)
        void client.invoke('runs.retryNow', { runId: props.run.id })
      }}
    />
  )
}
