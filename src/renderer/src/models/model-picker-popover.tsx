import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ChangeEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react'
import type { ConnectionView } from '../app/app-context'
import { useAppState } from '../app/app-context'
import { useI18n } from '../i18n/i18n'
import { choiceKey, sameChoice, type ModelChoice } from './model-choice'
import { CustomIdOptionRow, ModelOptionRow } from './model-option-row'
import {
  buildPickerGroups,
  customIdTargets,
  filterPickerGroups,
  type PickerGroup,
} from './model-search'
import { useModelLists } from './use-model-lists'

interface PickerOption {
  key: string
  choice: ModelChoice
}

export interface ModelPickerPopoverProps {
  id: string
  title: string
  value: ModelChoice | null
  onPick(choice: ModelChoice): void
  /** Escape returns the focus to the trigger. */
  onClose(returnFocus: boolean): void
}

/** The open picker: a search box over every connection's models, driven by keyboard or mouse. */
export function ModelPickerPopover({ id, title, value, onPick, onClose }: ModelPickerPopoverProps) {
  const { t } = useI18n()
  const connections = useAppState((app) => app.connections)
  const providers = useAppState((app) => app.providers)
  const { lists, refresh } = useModelLists()
  const [query, setQuery] = useState('')
  const [activeKey, setActiveKey] = useState<string | null>(() => (value ? choiceKey(value) : null))
  const dialogRef = useRef<HTMLDivElement>(null)

  const groups = useMemo(
    () => buildPickerGroups(connections, providers, lists),
    [connections, providers, lists],
  )
  const visible = useMemo(() => filterPickerGroups(groups, query), [groups, query])
  const customTargets = useMemo(() => customIdTargets(groups, query), [groups, query])
  const customId = query.trim()
  const options = useMemo(
    () => flatOptions(visible, customTargets, customId),
    [visible, customTargets, customId],
  )
  const indexByKey = useMemo(
    () => new Map(options.map((option, index) => [option.key, index])),
    [options],
  )
  const activeIndex = (activeKey === null ? undefined : indexByKey.get(activeKey)) ?? 0
  const optionId = (index: number) => `${id}-option-${index}`
  const activeId = options.length > 0 ? optionId(activeIndex) : undefined

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' })
  }, [activeId])

  // A picker near the right edge of the window (the last compare column) opens leftwards.
  useLayoutEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    const rect = dialog.getBoundingClientRect()
    const shift = Math.min(rect.right - (window.innerWidth - 8), rect.left - 8)
    if (shift > 0) dialog.style.left = `${-shift}px`
  }, [])

  const move = (delta: number) => {
    if (options.length === 0) return
    const next = Math.max(0, Math.min(options.length - 1, activeIndex + delta))
    setActiveKey(options[next]?.key ?? null)
  }

  // Arrows and Enter belong to the search box (Enter on the refresh button must not pick).
  const onSearchKeyDown = (event: KeyboardEvent) => {
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 8, PageUp: -8 }[event.key]
    if (step !== undefined) {
      event.preventDefault()
      move(step)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      const option = options[activeIndex]
      if (option) onPick(option.choice)
    }
  }

  const onDialogKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return
    event.preventDefault()
    // An enclosing dialog must not close as well.
    event.stopPropagation()
    onClose(true)
  }

  const onQueryChange = (event: ChangeEvent<HTMLInputElement>) => {
    setQuery(event.target.value)
    setActiveKey(null)
  }

  const optionEvents = (option: PickerOption) => {
    const at = indexByKey.get(option.key) ?? -1
    return {
      id: optionId(at),
      active: at === activeIndex,
      onHover: () => setActiveKey(option.key),
      onPick: () => onPick(option.choice),
    }
  }
  const titleId = `${id}-title`
  const listboxId = `${id}-listbox`

  return (
    <div
      ref={dialogRef}
      id={id}
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      className="model-picker-popover"
      data-testid="model-picker-popover"
      onKeyDown={onDialogKeyDown}
    >
      <h2 id={titleId} className="visually-hidden">
        {title}
      </h2>
      <input
        className="model-picker-search"
        type="search"
        role="combobox"
        aria-label={t('models.picker.search')}
        placeholder={t('models.picker.searchPlaceholder')}
        aria-expanded="true"
        aria-controls={listboxId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        autoFocus
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={onQueryChange}
        onKeyDown={onSearchKeyDown}
      />
      <div id={listboxId} role="listbox" aria-label={title} className="model-picker-list">
        {connections.length === 0 && (
          <div role="presentation" className="model-picker-empty">
            {t('models.picker.noConnections')}
          </div>
        )}
        {visible.map((group) => (
          <ConnectionGroup key={group.connection.id} id={id} group={group} filtered={query !== ''}>
            {group.listed.map((model) => (
              <ModelOptionRow
                key={model.entry.id}
                {...optionEvents(optionFor(model.connectionId, model.entry.id))}
                entry={model.entry}
                connectionId={model.connectionId}
                chosen={sameChoice(value, {
                  connectionId: model.connectionId,
                  model: model.entry.id,
                })}
              />
            ))}
            {group.suggestions.length > 0 && (
              <div role="presentation" className="model-picker-subheading">
                {t('models.picker.suggestions')}
              </div>
            )}
            {group.suggestions.map((model) => (
              <ModelOptionRow
                key={model.entry.id}
                {...optionEvents(optionFor(model.connectionId, model.entry.id))}
                entry={model.entry}
                connectionId={model.connectionId}
                chosen={sameChoice(value, {
                  connectionId: model.connectionId,
                  model: model.entry.id,
                })}
              />
            ))}
          </ConnectionGroup>
        ))}
        {customTargets.length > 0 && (
          <div role="group" aria-labelledby={`${id}-custom`} className="model-picker-group">
            <div role="presentation" id={`${id}-custom`} className="model-picker-group-header">
              {t('models.picker.customHeading')}
            </div>
            {customTargets.map((connection) => (
              <CustomIdOptionRow
                key={connection.id}
                {...optionEvents(customOption(connection, customId))}
                model={customId}
                connectionId={connection.id}
                connectionLabel={connection.label}
              />
            ))}
          </div>
        )}
      </div>
      <div className="model-picker-footer">
        <span aria-hidden="true">{t('models.picker.keys')}</span>
        <button
          type="button"
          onClick={() => {
            for (const connection of connections) refresh(connection.id)
          }}
        >
          {t('models.picker.refresh')}
        </button>
      </div>
    </div>
  )
}

function ConnectionGroup({
  id,
  group,
  filtered,
  children,
}: {
  id: string
  group: PickerGroup
  filtered: boolean
  children: ReactNode
}) {
  const { t } = useI18n()
  const headerId = `${id}-group-${group.connection.id}`
  const noteId = `${headerId}-note`
  const { state } = group
  const empty = group.listed.length + group.suggestions.length === 0
  let note: string | null = null
  if (state.error) {
    note = state.list
      ? t('models.picker.listErrorFallback', { message: state.error })
      : t('models.picker.listError', { message: state.error })
  } else if (empty && state.status === 'ready' && !filtered) {
    note = t('models.picker.noModels')
  }
  return (
    <div
      role="group"
      aria-labelledby={headerId}
      aria-describedby={note ? noteId : undefined}
      className="model-picker-group"
      data-testid="model-group"
      data-connection={group.connection.id}
    >
      <div role="presentation" id={headerId} className="model-picker-group-header">
        <span>{group.connection.label}</span>
        <span className="model-picker-provider">{group.providerLabel}</span>
        {state.status === 'loading' && (
          <span className="model-picker-loading">{t('models.picker.loading')}</span>
        )}
      </div>
      {note && (
        <div role="presentation" id={noteId} className="model-picker-note">
          {note}
        </div>
      )}
      {children}
    </div>
  )
}

function optionFor(connectionId: string, model: string): PickerOption {
  const choice = { connectionId, model }
  return { key: choiceKey(choice), choice }
}

function customOption(connection: ConnectionView, model: string): PickerOption {
  return { key: `custom\u0000${connection.id}`, choice: { connectionId: connection.id, model } }
}

/** Every option in screen order: the arrows walk this list. */
function flatOptions(
  groups: readonly PickerGroup[],
  customTargets: readonly ConnectionView[],
  customId: string,
): PickerOption[] {
  return [
    ...groups.flatMap((group) =>
      [...group.listed, ...group.suggestions].map((model) =>
        optionFor(model.connectionId, model.entry.id),
      ),
    ),
    ...customTargets.map((connection) => customOption(connection, customId)),
  ]
}
