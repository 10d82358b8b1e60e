import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { useI18n } from '../i18n/i18n'

interface ConfirmDeleteDialogProps {
  label: string
  /** Resolves to null once deleted, or to the host's message. */
  onConfirm(): Promise<string | null>
  onClose(): void
}

/** Asks before a connection and its keys are deleted; Escape or Cancel keeps it. */
export function ConfirmDeleteDialog({ label, onConfirm, onClose }: ConfirmDeleteDialogProps) {
  const { t } = useI18n()
  const titleId = useId()
  const bodyId = useId()
  const dialog = useRef<HTMLDivElement>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  // Give focus back to whatever opened the dialog once it closes.
  useEffect(() => {
    const opener = document.activeElement
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus()
    }
  }, [])

  const confirm = async () => {
    setBusy(true)
    const problem = await onConfirm()
    setBusy(false)
    setError(problem)
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation()
      onClose()
    } else if (event.key === 'Tab') {
      keepFocusInside(event, dialog.current)
    }
  }

  return (
    <div
      className="cx-backdrop"
      onMouseDown={(event) => event.target === event.currentTarget && onClose()}
    >
      <div
        ref={dialog}
        className="cx-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{t('connections.delete.title', { label })}</h2>
        <p id={bodyId}>{t('connections.delete.body')}</p>
        {error && (
          <p className="cx-error" role="alert">
            {t('connections.delete.failed', { message: error })}
          </p>
        )}
        <div className="cx-dialog-actions">
          <button type="button" onClick={onClose} autoFocus>
            {t('connections.delete.cancel')}
          </button>
          <button
            type="button"
            className="cx-danger-solid"
            onClick={() => void confirm()}
            disabled={busy}
            aria-busy={busy}
          >
            {t('connections.delete.confirm')}
          </button>
        </div>
      </div>
    </div>
  )
}

function keepFocusInside(event: KeyboardEvent, container: HTMLElement | null) {
  if (!container) return
  const focusable = container.querySelectorAll<HTMLElement>('button:not([disabled])')
  const first = focusable[0]
  const last = focusable[focusable.length - 1]
  if (!first || !last) return
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault()
    last.focus()
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault()
    first.focus()
  }
}
