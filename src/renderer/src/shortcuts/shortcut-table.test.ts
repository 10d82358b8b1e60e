import { describe, expect, it } from 'vitest'
import { isApplePlatform } from './platform'
import { chordCaps, matchShortcut, shortcuts, type KeyEventLike } from './shortcut-table'

function press(key: string, mods: Partial<KeyEventLike> = {}): KeyEventLike {
  return {
    key,
    code: /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : '',
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    isComposing: false,
    ...mods,
  }
}

const pc = { apple: false, typing: false }
const mac = { apple: true, typing: false }

describe('matchShortcut', () => {
  it('uses Ctrl on Windows and Linux and Cmd on Apple platforms', () => {
    expect(matchShortcut(press('n', { ctrlKey: true }), pc)).toBe('newChat')
    expect(matchShortcut(press('n', { metaKey: true }), mac)).toBe('newChat')
    expect(matchShortcut(press('n', { metaKey: true }), pc)).toBeNull()
    expect(matchShortcut(press('n', { ctrlKey: true }), mac)).toBeNull()
  })

  it('tells chords apart by Shift and refuses Alt', () => {
    expect(matchShortcut(press('N', { ctrlKey: true, shiftKey: true }), pc)).toBe('newCompare')
    expect(matchShortcut(press('F', { ctrlKey: true, shiftKey: true }), pc)).toBe('searchHistory')
    expect(matchShortcut(press('f', { ctrlKey: true }), pc)).toBeNull()
    expect(matchShortcut(press('n', { ctrlKey: true, altKey: true }), pc)).toBeNull()
  })

  it('knows every modifier chord of the table', () => {
    expect(matchShortcut(press('k', { ctrlKey: true }), pc)).toBe('palette')
    expect(matchShortcut(press(',', { ctrlKey: true }), pc)).toBe('settings')
    expect(matchShortcut(press('.', { metaKey: true }), mac)).toBe('stop')
    expect(matchShortcut(press('/', { ctrlKey: true }), pc)).toBe('help')
    expect(matchShortcut(press('l', { ctrlKey: true }), pc)).toBe('focusInput')
  })

  it('fires bare / and ? only when the person is not typing', () => {
    expect(matchShortcut(press('/'), pc)).toBe('focusInput')
    expect(matchShortcut(press('?', { shiftKey: true }), pc)).toBe('help')
    expect(matchShortcut(press('/'), { ...pc, typing: true })).toBeNull()
    expect(matchShortcut(press('?', { shiftKey: true }), { ...mac, typing: true })).toBeNull()
    // Modifier chords still work inside a text field.
    expect(matchShortcut(press('k', { ctrlKey: true }), { ...pc, typing: true })).toBe('palette')
    expect(matchShortcut(press('n'), pc)).toBeNull()
  })

  it('reads the physical letter in a Korean input mode and waits while an IME composes', () => {
    const hangul = { ...press('ㅜ', { ctrlKey: true }), code: 'KeyN' }
    expect(matchShortcut(hangul, pc)).toBe('newChat')
    expect(matchShortcut(press('k', { ctrlKey: true, isComposing: true }), pc)).toBeNull()
  })

  it('folds the sidebar with Mod+B or Mod+\\, also in a text field and a Korean input mode', () => {
    expect(matchShortcut(press('b', { ctrlKey: true }), pc)).toBe('toggleSidebar')
    expect(matchShortcut(press('b', { metaKey: true }), mac)).toBe('toggleSidebar')
    expect(matchShortcut(press('\\', { ctrlKey: true }), pc)).toBe('toggleSidebar')
    expect(matchShortcut(press('b', { ctrlKey: true }), { ...pc, typing: true })).toBe(
      'toggleSidebar',
    )
    expect(matchShortcut({ ...press('ㅠ', { ctrlKey: true }), code: 'KeyB' }, pc)).toBe(
      'toggleSidebar',
    )
    // Ctrl+Shift+B is the browser's bookmarks bar: left alone.
    expect(matchShortcut(press('B', { ctrlKey: true, shiftKey: true }), pc)).toBeNull()
  })

  it('never gives one chord to two shortcuts', () => {
    const chords = shortcuts.flatMap((s) => s.chords.map((c) => `${c.mod}|${c.shift}|${c.key}`))
    expect(new Set(chords).size).toBe(chords.length)
  })

  it('has one entry per shortcut, each with at least one chord', () => {
    const ids = shortcuts.map((s) => s.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(shortcuts.every((s) => s.chords.length > 0)).toBe(true)
  })
})

describe('chordCaps', () => {
  it('draws ⌘ ⇧ on Apple platforms and Ctrl Shift elsewhere', () => {
    const chord = { mod: true, shift: true, key: 'n' }
    expect(chordCaps(chord, true).map((c) => c.text)).toEqual(['⌘', '⇧', 'N'])
    expect(chordCaps(chord, true)[0]?.spoken).toBe('Command')
    expect(chordCaps(chord, false).map((c) => c.text)).toEqual(['Ctrl', 'Shift', 'N'])
  })
})

describe('isApplePlatform', () => {
  it('reads the platform, falling back to the user agent', () => {
    expect(isApplePlatform('MacIntel', '')).toBe(true)
    expect(isApplePlatform('Win32', 'Mozilla/5.0 (Windows NT 10.0)')).toBe(false)
    expect(isApplePlatform('Linux x86_64', '')).toBe(false)
    expect(isApplePlatform('', 'Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)')).toBe(true)
  })
})
