import type { MessageKey } from '../i18n/messages-en'
import type { ShortcutId } from './shortcut-table'

export interface PaletteCommand {
  id: string
  labelKey: MessageKey
  /** Extra words shown after the label (e.g. the current theme). */
  detail?: string
  /** The shortcut that does the same, shown as a hint. */
  shortcut?: ShortcutId
  run(): void
}

/** Commands whose words all appear in the label (case-insensitive), in their original order. */
export function filterCommands(
  commands: readonly PaletteCommand[],
  query: string,
  labelOf: (command: PaletteCommand) => string,
): PaletteCommand[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return [...commands]
  return commands.filter((command) => {
    const text = `${labelOf(command)} ${command.detail ?? ''}`.toLocaleLowerCase()
    return words.every((word) => text.includes(word))
  })
}
