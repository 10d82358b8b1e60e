import { useId, type ReactNode } from 'react'
import { ModalDialog } from './modal-dialog'

interface ConfirmDialogProps {
  title: string
  /** The question in full; it is the dialog's description. */
  message: string
  confirmLabel: string
  cancelLabel: string
  /** Paints the confirm button as an action that deletes or replaces something. */
  destructive?: boolean
  /** While the action runs the confirm button is disabled. */
  busy?: boolean
  /** Why the action failed, worded by the caller. */
  error?: string | null
  testId?: string
  onConfirm(): void
  onCancel(): void
  /** More to show under the message (the address a link would open …). */
  children?: ReactNode
}

/**
 * A modal question with Cancel and a confirm button. Focus starts on Cancel, so Enter never
 * confirms by accident; Escape or a click on the backdrop cancels.
 */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  cancelLabel,
  destructive = false,
  busy = false,
  error = null,
  testId,
  onConfirm,
  onCancel,
  children,
}: ConfirmDialogProps) {
  const messageId = useId()
  return (
    <ModalDialog
      title={title}
      descriptionId={messageId}
      onClose={onCancel}
      className="confirm-dialog"
      testId={testId}
    >
      <p id={messageId} className="confirm-dialog-message">
        {message}
      </p>
      {children}
      {error && (
        <p role="alert" className="modal-error">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" data-autofocus onClick={onCancel}>
          {cancelLabel}
        </button>
        <button
          type="button"
          className={destructive ? 'danger-filled' : 'primary'}
          disabled={busy}
          aria-busy={busy || undefined}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
      </div>
    </ModalDialog>
  )
}
