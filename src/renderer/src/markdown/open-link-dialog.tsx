import { useEffect, useId, useRef, type KeyboardEvent } from 'react'
import { createPortal } from 'react-dom'
import { useI18n } from '../i18n/i18n'

/** Asks before a link from model output opens in the browser, showing its full address. */
export function OpenLinkDialog(props: { url: string; onOpen(): void; onCancel(): void }) {
  const { t } = useI18n()
  const titleId = useId()
  const bodyId = useId()
  const dialogRef = useRef<HTMLDivElement>(null)
  const cancelRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    cancelRef.current?.focus()
  }, [])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation()
      props.onCancel()
    } else if (event.key === 'Tab') {
      keepFocusInside(event, dialogRef.current)
    }
  }

  return createPortal(
    <div
      className="markdown-dialog-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) props.onCancel()
      }}
    >
      <div
        ref={dialogRef}
        className="markdown-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        data-testid="markdown-link-dialog"
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{t('markdown.link.dialogTitle')}</h2>
        <p id={bodyId}>{t('markdown.link.dialogBody')}</p>
        <p className="markdown-dialog-url" data-testid="markdown-link-url">
          {props.url}
        </p>
        <div className="markdown-dialog-actions">
          <button ref={cancelRef} type="button" onClick={props.onCancel}>
            {t('markdown.link.cancel')}
          </button>
          <button type="button" className="primary" onClick={props.onOpen}>
            {t('markdown.link.open')}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  )
}

function keepFocusInside(event: KeyboardEvent, container: HTMLElement | null) {
  const buttons = container ? Array.from(container.querySelectorAll('button')) : []
  const first = buttons[0]
  const last = buttons[buttons.length - 1]
  if (!first || !last) return
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault()
    last.focus()
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault()
    first.focus()
  }
}
