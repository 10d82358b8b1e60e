import { useId, useState, type KeyboardEvent } from 'react'
import { ModalDialog } from '../components/dialog/modal-dialog'
import { useI18n } from '../i18n/i18n'
import { KeyChordView } from './key-chord-view'
import { filterCommands, type PaletteCommand } from './palette-commands'
import { shortcutById } from './shortcut-table'

interface CommandPaletteProps {
  commands: readonly PaletteCommand[]
  apple: boolean
  onRun(command: PaletteCommand): void
  onClose(): void
}

/** A filter box over a list of commands: arrows move, Enter runs, Escape closes. */
export function CommandPalette({ commands, apple, onRun, onClose }: CommandPaletteProps) {
  const { t } = useI18n()
  const listId = useId()
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const shown = filterCommands(commands, query, (command) => t(command.labelKey))
  const current = shown[Math.min(active, shown.length - 1)]
  const optionId = (command: PaletteCommand) => `${listId}-${command.id}`

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (shown.length === 0) return
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((Math.min(active, shown.length - 1) + step + shown.length) % shown.length)
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault()
      setActive(event.key === 'Home' ? 0 : shown.length - 1)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      if (current) onRun(current)
    }
  }

  return (
    <ModalDialog
      title={t('shortcuts.palette.title')}
      hideTitle
      onClose={onClose}
      testId="command-palette"
      className="command-palette"
    >
      <input
        data-autofocus
        className="command-palette-input"
        type="text"
        role="combobox"
        aria-label={t('shortcuts.palette.filter')}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(current) : undefined}
        placeholder={t('shortcuts.palette.placeholder')}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={t('shortcuts.palette.commands')}>
        {shown.map((command, index) => {
          const chord = command.shortcut ? shortcutById[command.shortcut].chords[0] : undefined
          return (
            <li
              key={command.id}
              id={optionId(command)}
              role="option"
              aria-selected={command === current}
              className="command-palette-option"
              onMouseMove={() => {
                if (index !== active) setActive(index)
              }}
              onClick={() => onRun(command)}
            >
              <span className="command-palette-label">
                {t(command.labelKey)}
                {command.detail && <span className="command-palette-detail">{command.detail}</span>}
              </span>
              {chord && <KeyChordView chord={chord} apple={apple} />}
            </li>
          )
        })}
      </ul>
      {shown.length === 0 && (
        <p role="status" className="command-palette-empty">
          {t('shortcuts.palette.empty')}
        </p>
      )}
    </ModalDialog>
  )
}
