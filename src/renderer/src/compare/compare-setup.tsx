import { useEffect, useRef, useState } from 'react'
import { useI18n } from '../i18n/i18n'
import { ModelPicker } from '../models/model-picker'
import { ParametersPanel } from '../models/parameters-panel'
import { useCapabilities } from '../models/use-model-lists'
import { newColumn, type Column } from '../chat/column-key'
import type { ConversationSetup } from '../chat/use-conversation-setup'
import { FollowUpTargets } from './follow-up-targets'

const MAX_COLUMNS = 8

/**
 * A comparison's 2–8 columns, each a model with its own parameter overrides. Once it has turns,
 * a one-line summary of where follow-ups go, and "Change columns…" opens the same editor for the
 * next turn (earlier turns keep the columns they had).
 */
export function CompareSetup({ setup }: { setup: ConversationSetup }) {
  const { t } = useI18n()
  const [systemOpen, setSystemOpen] = useState(false)
  // One column's parameters at a time: several open panels would crowd out the answers.
  const [openColumn, setOpenColumn] = useState<string | null>(null)
  if (setup.columnsLocked) {
    return <FollowUpTargets columns={setup.columns} onChange={setup.changeColumns} />
  }
  const update = (key: string, change: Partial<Column>) =>
    setup.setColumns(setup.columns.map((c) => (c.key === key ? { ...c, ...change } : c)))
  return (
    <div className="setup setup-compare" data-testid="compare-columns">
      {setup.started ? (
        <div className="setup-row setup-next-turn">
          <span className="setup-label" data-testid="next-turn-columns">
            {t('compare.setup.nextTurnColumns', { count: String(setup.columns.length) })}
          </span>
          <button type="button" onClick={setup.keepColumns} data-testid="keep-columns">
            {t('compare.setup.keepColumns')}
          </button>
        </div>
      ) : null}
      <ol className="column-list">
        {setup.columns.map((column, index) => (
          <ColumnEditor
            key={column.key}
            column={column}
            index={index}
            canRemove={setup.columns.length > 2}
            open={openColumn === column.key}
            onToggle={() => setOpenColumn(openColumn === column.key ? null : column.key)}
            onChange={(change) => update(column.key, change)}
            onRemove={() => setup.setColumns(setup.columns.filter((c) => c.key !== column.key))}
          />
        ))}
      </ol>
      <div className="setup-row">
        <button
          type="button"
          disabled={setup.columns.length >= MAX_COLUMNS}
          onClick={() => setup.setColumns([...setup.columns, newColumn()])}
          data-testid="add-column"
        >
          {t('compare.setup.addColumn')}
        </button>
        <button type="button" aria-expanded={systemOpen} onClick={() => setSystemOpen(!systemOpen)}>
          {t('compare.setup.systemPrompt')}
        </button>
      </div>
      {systemOpen ? (
        <label className="setup-system">
          <span>{t('compare.setup.systemPromptLabel')}</span>
          <textarea
            rows={2}
            value={setup.systemPrompt}
            onChange={(event) => setup.setSystemPrompt(event.target.value)}
          />
        </label>
      ) : null}
    </div>
  )
}

function ColumnEditor(props: {
  column: Column
  index: number
  canRemove: boolean
  open: boolean
  onToggle(): void
  onChange(change: Partial<Column>): void
  onRemove(): void
}) {
  const { t } = useI18n()
  const { column, open } = props
  const choice =
    column.connectionId && column.model
      ? { connectionId: column.connectionId, model: column.model }
      : null
  const capabilities = useCapabilities(choice)
  const number = String(props.index + 1)
  const overrides = Object.keys(column.parameters).length
  const panel = useRef<HTMLDivElement>(null)
  useEffect(() => {
    // In a long list (which scrolls on its own) the panel may open below the visible part.
    if (open) panel.current?.scrollIntoView?.({ block: 'nearest' })
  }, [open])
  return (
    <li className="column-editor" data-testid="column-editor">
      <span className="column-number">{number}</span>
      <ModelPicker
        value={choice}
        onChange={(next) => props.onChange(next)}
        label={t('compare.setup.columnModel', { number })}
        testId={`column-model-${number}`}
      />
      <button type="button" aria-expanded={open} onClick={props.onToggle}>
        {overrides > 0
          ? t('compare.setup.parametersCount', { count: String(overrides) })
          : t('compare.setup.parameters')}
      </button>
      {props.canRemove ? (
        <button
          type="button"
          onClick={props.onRemove}
          aria-label={t('compare.setup.removeColumn', { number })}
        >
          ×
        </button>
      ) : null}
      {open ? (
        <div className="column-parameters" ref={panel}>
          <ParametersPanel
            capabilities={capabilities}
            value={column.parameters}
            onChange={(parameters) => props.onChange({ parameters })}
            compact
          />
        </div>
      ) : null}
    </li>
  )
}
