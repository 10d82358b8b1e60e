import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron'
import type { DesktopTranslate } from './desktop-text'

/** What the menu reads from Electron's `context-menu` event. */
export type ContextMenuInput = Pick<
  ContextMenuParams,
  'isEditable' | 'selectionText' | 'misspelledWord' | 'dictionarySuggestions' | 'editFlags'
>

export interface SpellingActions {
  /** `webContents.replaceMisspelling(word)`. */
  replace(word: string): void
  /** `session.addWordToSpellCheckerDictionary(word)`. */
  addToDictionary(word: string): void
}

/** At most this many spelling suggestions, as Chrome shows. */
const MAX_SUGGESTIONS = 5

/**
 * The right-click menu: spelling suggestions and "Add to Dictionary" on a misspelled word, then
 * Cut / Copy / Paste / Select All in an editable field, Copy / Select All on a selection. The
 * edit items use Electron's roles (they act on the focused page); empty means no menu.
 */
export function contextMenuTemplate(
  params: ContextMenuInput,
  t: DesktopTranslate,
  spelling: SpellingActions,
): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = []
  const word = params.misspelledWord
  if (params.isEditable && word !== '') {
    const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS)
    for (const suggestion of suggestions) {
      items.push({ label: suggestion, click: () => spelling.replace(suggestion) })
    }
    if (suggestions.length === 0) items.push({ label: t('menu.noSuggestions'), enabled: false })
    items.push({ type: 'separator' })
    items.push({ label: t('menu.addToDictionary'), click: () => spelling.addToDictionary(word) })
    items.push({ type: 'separator' })
  }
  const flags = params.editFlags
  if (params.isEditable) {
    items.push({ role: 'cut', label: t('menu.cut'), enabled: flags.canCut })
    items.push({ role: 'copy', label: t('menu.copy'), enabled: flags.canCopy })
    items.push({ role: 'paste', label: t('menu.paste'), enabled: flags.canPaste })
    items.push({ type: 'separator' })
    items.push({ role: 'selectAll', label: t('menu.selectAll'), enabled: flags.canSelectAll })
  } else if (params.selectionText.trim() !== '') {
    items.push({ role: 'copy', label: t('menu.copy'), enabled: flags.canCopy })
    items.push({ type: 'separator' })
    items.push({ role: 'selectAll', label: t('menu.selectAll'), enabled: flags.canSelectAll })
  }
  return items
}
