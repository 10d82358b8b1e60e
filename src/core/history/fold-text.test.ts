import { describe, expect, it } from 'vitest'
import { findFoldedRanges, foldText, foldWithOffsets, matchesFolded } from './fold-text'
import { parseQuery } from './search-text'

/** Does `query` (folded and parsed like a search) match `text`? */
const finds = (query: string, text: string) =>
  matchesFolded(
    text,
    parseQuery(query).map((term) => term.pattern),
  )

describe('foldText', () => {
  it('drops Latin, Greek and Cyrillic diacritics, composed or not', () => {
    expect(foldText('Un café crème à Zürich')).toBe('Un cafe creme a Zurich')
    expect(foldText('cafe\u0301')).toBe('cafe')
    expect(foldText('tiếng Việt')).toBe('tieng Viet')
    expect(foldText('ñandú İstanbul')).toBe('nandu Istanbul')
    expect(foldText('Άθήνα')).toBe('Αθηνα')
    expect(foldText('ёлка')).toBe('елка')
  })

  it('spells letters without a decomposition as they are typed', () => {
    expect(foldText('Straße ẞ')).toBe('Strasse ss')
    expect(foldText('Ørsted søker')).toBe('orsted soker')
    expect(foldText('œuvre Æsir Łódź đồng þing')).toBe('oeuvre aesir lodz dong thing')
    expect(foldText('λόγος')).toBe('λογοσ')
  })

  it('turns full- and half-width forms into their plain form (NFKC)', () => {
    expect(foldText('ＡＢＣ１２３')).toBe('ABC123')
    expect(foldText('ｶﾀｶﾅ')).toBe('カタカナ')
    expect(foldText('ｶﾞｷﾞ ﾊﾟ')).toBe('ガギ パ')
    expect(foldText('ﬁle\u3000①')).toBe('file 1')
  })

  it('keeps marks where they are letters: Hangul, kana, Indic, Thai, Arabic', () => {
    for (const text of ['모델을 비교', 'が か ぱ', 'हिन्दी', 'ภาษาไทย', 'مُحَمَّد', '機械学習']) {
      expect(foldText(text)).toBe(text)
    }
    // Decomposed Hangul (jamo) is composed, not left apart.
    expect(foldText('\u1106\u1169\u1103\u1166\u11af')).toBe('모델')
  })

  it('returns ASCII and already-folded text as the same string', () => {
    const ascii = 'Plain ASCII text, with punctuation!'
    expect(foldText(ascii)).toBe(ascii)
    expect(foldText('')).toBe('')
    expect(foldText('😀 emoji \u{20000}')).toBe('😀 emoji \u{20000}')
  })

  it('maps each folded character back to the characters it came from', () => {
    const folded = foldWithOffsets('aß é')
    expect(folded.text).toBe('ass e')
    expect([...(folded.sourceStart ?? [])]).toEqual([0, 1, 1, 2, 3])
    expect([...(folded.sourceEnd ?? [])]).toEqual([1, 2, 2, 3, 4])
  })
})

describe('folded search terms', () => {
  it('finds café with cafe and cafe with café', () => {
    expect(finds('cafe', 'Un café crème')).toBe(true)
    expect(finds('café', 'a cafe nearby')).toBe(true)
    expect(finds('CAFÉ', 'Café')).toBe(true)
  })

  it('finds full-width with plain and plain with full-width, and katakana in either width', () => {
    expect(finds('abc', 'ＡＢＣ全角')).toBe(true)
    expect(finds('ＡＢＣ', 'abc def')).toBe(true)
    expect(finds('カタカナ', 'ｶﾀｶﾅで書く')).toBe(true)
    expect(finds('ｶﾀｶﾅ', 'カタカナで書く')).toBe(true)
  })

  it('finds Straße with strasse, tiếng with tieng', () => {
    expect(finds('strasse', 'Die Straße')).toBe(true)
    expect(finds('Straße', 'strasse')).toBe(true)
    expect(finds('tieng', 'tiếng Việt')).toBe(true)
  })

  it('does not confuse が with か, nor one Hangul syllable with another', () => {
    expect(finds('か', 'がっこう')).toBe(false)
    expect(finds('が', 'かっこう')).toBe(false)
    expect(finds('모델', '임베딩 모델을')).toBe(true)
    expect(finds('모댈', '임베딩 모델을')).toBe(false)
  })

  it('highlights the original characters', () => {
    const patterns = parseQuery('cafe creme zurich').map((term) => term.pattern)
    const text = 'Un café crème à Zürich'
    const ranges = findFoldedRanges(text, patterns)
    expect(ranges.map(([a, b]) => text.slice(a, b))).toEqual(['café', 'crème', 'Zürich'])
    const wide = 'ＡＢＣ全角 and abc'
    const found = findFoldedRanges(
      wide,
      parseQuery('abc').map((term) => term.pattern),
    )
    expect(found.map(([a, b]) => wide.slice(a, b))).toEqual(['ＡＢＣ', 'abc'])
    const street = 'Die Straße'
    const half = findFoldedRanges(
      street,
      parseQuery('tras').map((term) => term.pattern),
    )
    expect(half.map(([a, b]) => street.slice(a, b))).toEqual(['traß'])
  })
})
