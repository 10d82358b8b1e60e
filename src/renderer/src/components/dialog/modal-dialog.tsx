import { useId, useRef, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { useFocusTrap } from './use-focus-trap'
import './modal-dialog.css'

interface ModalDialogProps {
  title: string
  /** The title still names the dialog for screen readers. */
  hideTitle?: boolean
  /** The id of the text that says what the dialog asks (its accessible description). */
  descriptionId?: string
  onClose(): void
  className?: string
  testId?: string
  children: ReactNode
}

/**
 * A modal dialog over the page, the one every dialog is built on: focus moves in when it opens
 * (to a `data-autofocus` element if there is one), Tab stays inside, Escape or a click on the
 * backdrop closes it, and focus goes back to where it was.
 */
export function ModalDialog({
  title,
  hideTitle = false,
  descriptionId,
  onClose,
  className,
  testId,
  children,
}: ModalDialogProps) {
  const titleId = useId()
  const dialogRef = useRef<HTMLDivElement>(null)
  const onKeyDown = useFocusTrap(dialogRef, onClose)

  return createPortal(
    <div
      className="modal-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose()
      }}
    >
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        tabIndex={-1}
        className={className ? `modal-dialog ${className}` : 'modal-dialog'}
        data-testid={testId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className={hideTitle ? 'visually-hidden' : 'modal-title'}>
          {title}
        </h2>
        {children}
      </div>
    </div>,
    document.body,
  )
}
