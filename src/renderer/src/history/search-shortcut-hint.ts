import { detectApplePlatform } from '../shortcuts/platform'
import { chordCaps, shortcutById } from '../shortcuts/shortcut-table'

/**
 * The global "Search history" shortcut (owned by the shortcuts layer) as a short hint for the
 * search field ("⇧⌘F" / "Ctrl+Shift+F") and as an aria-keyshortcuts value.
 */
export function searchShortcutHint(apple = detectApplePlatform()): {
  text: string
  aria: string
} | null {
  const chord = shortcutById.searchHistory.chords[0]
  if (!chord) return null
  const text = chordCaps(chord, apple)
    .map((cap) => cap.text)
    .join(apple ? '' : '+')
  const aria = [
    chord.mod ? (apple ? 'Meta' : 'Control') : null,
    chord.shift ? 'Shift' : null,
    chord.key.length === 1 ? chord.key.toUpperCase() : chord.key,
  ]
    .filter(Boolean)
    .join('+')
  return { text, aria }
}
