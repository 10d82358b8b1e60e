import { useId, useState } from 'react'
import { useAppState } from '../app/app-context'
import { useI18n } from '../i18n/i18n'
import type { Column } from '../chat/column-key'

/**
 * Where the next prompt of a started comparison goes: one short line ("Follow-ups go to all 4
 * columns") with the models and connections on demand: the column heads already name them.
 * "Change columns…" adds, removes or changes columns for the next turn.
 */
export function FollowUpTargets({
  columns,
  onChange,
}: {
  columns: readonly Column[]
  onChange(): void
}) {
  const { t } = useI18n()
  const connections = useAppState((app) => app.connections)
  const [open, setOpen] = useState(false)
  const listId = useId()
  return (
    <div className="setup setup-locked" data-testid="compare-columns">
      <span className="setup-label" data-testid="follow-up-summary">
        {t('compare.setup.followUpsAll', { count: String(columns.length) })}
      </span>
      <button
        type="button"
        className="follow-up-toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
        data-testid="follow-up-toggle"
      >
        {t('compare.setup.followUpsModels')}
      </button>
      <button
        type="button"
        className="follow-up-toggle"
        onClick={onChange}
        data-testid="change-columns"
      >
        {t('compare.setup.changeColumns')}
      </button>
      {open ? (
        <ol id={listId} className="follow-up-list" data-testid="follow-up-list">
          {columns.map((column) => (
            <li key={column.key} className="column-chip">
              {column.model} · {connections.find((c) => c.id === column.connectionId)?.label ?? '—'}
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  )
}
