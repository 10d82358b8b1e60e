import { useEffect, useId, useRef, useState } from 'react'
import { useAppState } from '../app/app-context'
import { useI18n } from '../i18n/i18n'
import { findModelEntry, type ModelChoice } from './model-choice'
import { ModelPickerPopover } from './model-picker-popover'
import { useModelLists } from './use-model-lists'
import './models.css'

export interface ModelPickerProps {
  value: ModelChoice | null
  onChange(choice: ModelChoice): void
  /** Shown on the button and names the dialog, e.g. "Model 2" in a comparison. */
  label?: string
  testId?: string
}

/** A button naming the chosen model that opens a searchable list of every connection's models. */
export function ModelPicker({ value, onChange, label, testId }: ModelPickerProps) {
  const { t } = useI18n()
  const connections = useAppState((app) => app.connections)
  const { lists } = useModelLists()
  const [open, setOpen] = useState(false)
  const rootRef = useRef<HTMLDivElement>(null)
  const triggerRef = useRef<HTMLButtonElement>(null)
  const popoverId = useId()

  useEffect(() => {
    if (!open) return
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [open])

  const close = (returnFocus: boolean) => {
    setOpen(false)
    if (returnFocus) triggerRef.current?.focus()
  }

  const connection = value ? connections.find((c) => c.id === value.connectionId) : undefined
  const entry = value ? findModelEntry(lists[value.connectionId]?.list, value.model) : undefined

  return (
    <div
      ref={rootRef}
      className="model-picker"
      onBlur={(event) => {
        // Tabbing out closes the picker; a click inside (relatedTarget null) does not.
        const next = event.relatedTarget
        if (open && next instanceof Node && !event.currentTarget.contains(next)) setOpen(false)
      }}
    >
      <button
        ref={triggerRef}
        type="button"
        className="model-picker-trigger"
        data-testid={testId ?? 'model-picker'}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? popoverId : undefined}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault()
            setOpen(true)
          }
        }}
      >
        {label && <span className="model-picker-caption">{label}</span>}
        {value ? (
          <>
            <span className="model-picker-model">{entry?.label ?? value.model}</span>
            <span className="model-picker-connection">
              {connection?.label ?? t('models.picker.unknownConnection')}
            </span>
          </>
        ) : (
          <span className="model-picker-placeholder">{t('models.picker.choose')}</span>
        )}
        <span className="model-picker-chevron" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <ModelPickerPopover
          id={popoverId}
          title={label ?? t('models.picker.title')}
          value={value}
          onPick={(choice) => {
            onChange(choice)
            close(true)
          }}
          onClose={close}
        />
      )}
    </div>
  )
}
