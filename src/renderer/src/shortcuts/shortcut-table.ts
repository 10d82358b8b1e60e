import type { MessageKey } from '../i18n/messages-en'

/** Events the layer sends to whichever screen owns the control (the history search, the composer …). */
export const FOCUS_SEARCH_EVENT = 'parallax:focus-search'
export const FOCUS_INPUT_EVENT = 'parallax:focus-input'
export const STOP_EVENT = 'parallax:stop'

export type ShortcutId =
  | 'newChat'
  | 'newCompare'
  | 'searchHistory'
  | 'focusInput'
  | 'stop'
  | 'settings'
  | 'help'
  | 'palette'
  | 'toggleSidebar'

/** One way to press a shortcut. `key` is lower-case; `mod` is Cmd on Apple platforms, Ctrl elsewhere. */
export interface KeyChord {
  mod: boolean
  shift: boolean
  key: string
}

export interface Shortcut {
  id: ShortcutId
  labelKey: MessageKey
  chords: readonly KeyChord[]
}

const mod = (key: string, shift = false): KeyChord => ({ mod: true, shift, key })
/** A key pressed on its own; it only counts when the person is not typing. */
const bare = (key: string): KeyChord => ({ mod: false, shift: false, key })

export const shortcuts: readonly Shortcut[] = [
  { id: 'newChat', labelKey: 'shortcuts.newChat', chords: [mod('n')] },
  { id: 'newCompare', labelKey: 'shortcuts.newCompare', chords: [mod('n', true)] },
  { id: 'searchHistory', labelKey: 'shortcuts.searchHistory', chords: [mod('f', true)] },
  { id: 'focusInput', labelKey: 'shortcuts.focusInput', chords: [mod('l'), bare('/')] },
  { id: 'stop', labelKey: 'shortcuts.stop', chords: [mod('.')] },
  { id: 'palette', labelKey: 'shortcuts.palette', chords: [mod('k')] },
  { id: 'settings', labelKey: 'shortcuts.settings', chords: [mod(',')] },
  { id: 'help', labelKey: 'shortcuts.help', chords: [mod('/'), bare('?')] },
  // Mod+B as in VS Code; Mod+\ where the browser keeps Ctrl+B (Firefox's bookmarks sidebar).
  { id: 'toggleSidebar', labelKey: 'shortcuts.toggleSidebar', chords: [mod('b'), mod('\\')] },
]

export const shortcutById = Object.fromEntries(shortcuts.map((s) => [s.id, s])) as Record<
  ShortcutId,
  Shortcut
>

export type KeyEventLike = Pick<
  KeyboardEvent,
  'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'isComposing'
>

export interface MatchContext {
  /** Cmd is the modifier on Apple platforms, Ctrl everywhere else. */
  apple: boolean
  /** Focus is in a text field, where a bare key is text, not a command. */
  typing: boolean
}

/** The key a chord names: lower-case, printable ASCII where the keyboard allows. */
export function chordKeyOf(event: Pick<KeyboardEvent, 'key' | 'code'>): string {
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key
  if (/^[\x21-\x7e]$/.test(key)) return key
  // In a Korean (or other non-Latin) input mode the key is a jamo such as 'ㅜ'; the physical
  // letter key still says which shortcut was meant.
  const letter = /^Key([A-Z])$/.exec(event.code)?.[1]
  return letter ? letter.toLowerCase() : key
}

function chordMatches(chord: KeyChord, event: KeyEventLike, context: MatchContext): boolean {
  if (event.altKey) return false
  const modPressed = context.apple ? event.metaKey : event.ctrlKey
  const otherPressed = context.apple ? event.ctrlKey : event.metaKey
  if (otherPressed) return false
  if (!chord.mod) {
    // Shift is ignored: '?' needs it on one layout and not on another.
    return !modPressed && !context.typing && event.key === chord.key
  }
  return modPressed && event.shiftKey === chord.shift && chordKeyOf(event) === chord.key
}

/** Which shortcut a key press means, or null. Never fires while an IME is composing. */
export function matchShortcut(event: KeyEventLike, context: MatchContext): ShortcutId | null {
  if (event.isComposing) return null
  const found = shortcuts.find((s) => s.chords.some((c) => chordMatches(c, event, context)))
  return found?.id ?? null
}

export interface KeyCap {
  /** What the key cap shows. */
  text: string
  /** What a screen reader should say when `text` is a symbol. */
  spoken?: string
}

/** The caps to draw for a chord, in the order they are pressed (⌘ ⇧ N on a Mac, Ctrl Shift N elsewhere). */
export function chordCaps(chord: KeyChord, apple: boolean): KeyCap[] {
  const caps: KeyCap[] = []
  if (chord.mod) caps.push(apple ? { text: '⌘', spoken: 'Command' } : { text: 'Ctrl' })
  if (chord.shift) caps.push(apple ? { text: '⇧', spoken: 'Shift' } : { text: 'Shift' })
  caps.push({ text: chord.key.toUpperCase() })
  return caps
}
