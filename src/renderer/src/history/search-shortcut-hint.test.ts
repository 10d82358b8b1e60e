import { describe, expect, it } from 'vitest'
import { searchShortcutHint } from './search-shortcut-hint'

describe('searchShortcutHint', () => {
  it('spells the search shortcut for each platform', () => {
    expect(searchShortcutHint(true)).toEqual({ text: '⌘⇧F', aria: 'Meta+Shift+F' })
    expect(searchShortcutHint(false)).toEqual({ text: 'Ctrl+Shift+F', aria: 'Control+Shift+F' })
  })
})
