import { useRef, useState } from 'react'

export const MAX_TITLE_LENGTH = 200

/**
 * Edits a title in place: Enter (or leaving the field) saves, Escape cancels. An empty or
 * unchanged title saves nothing.
 */
export function RenameInput({
  initial,
  label,
  onSave,
  onCancel,
}: {
  initial: string
  label: string
  onSave(title: string): void
  onCancel(): void
}) {
  const [value, setValue] = useState(initial)
  const finished = useRef(false)

  const finish = (save: boolean) => {
    if (finished.current) return
    finished.current = true
    const title = value.trim()
    if (save && title && title !== initial) onSave(title)
    else onCancel()
  }

  return (
    <input
      className="history-rename"
      aria-label={label}
      value={value}
      maxLength={MAX_TITLE_LENGTH}
      autoFocus
      onFocus={(event) => event.currentTarget.select()}
      onChange={(event) => setValue(event.target.value)}
      onBlur={() => finish(true)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault()
          finish(true)
        } else if (event.key === 'Escape') {
          event.preventDefault()
          event.stopPropagation()
          finish(false)
        }
      }}
    />
  )
}
