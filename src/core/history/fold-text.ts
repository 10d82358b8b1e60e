/**
 * Search folding: the form in which text is indexed and compared, so that what people type finds
 * what was written. Each character (with the combining marks that follow it) is folded on its
 * own, so every folded character points back at the characters it came from:
 *
 * - Unicode compatibility forms become their plain form (NFKC): ＡＢＣ１２３ → ABC123, ｶﾀｶﾅ → カタカナ,
 *   ﬁ → fi, the ideographic space → a space.
 * - Latin, Greek and Cyrillic lose their diacritics (NFD, then the nonspacing marks go):
 *   café → cafe, tiếng → tieng, ά → α; and letters without a decomposition are spelled as people
 *   type them: ß → ss, ø → o, œ → oe, æ → ae, ł → l, đ → d, þ → th.
 * - Every other script keeps its marks, because there they are letters: Hangul stays composed
 *   (모델, not jamo), が stays が (≠ か), Devanagari, Thai and Arabic vowel signs stay.
 *
 * Case is not folded here: both search indexes fold case themselves, and the patterns that confirm
 * a match are case-insensitive. That leaves ASCII unchanged, so ASCII text (most text) is returned
 * as is after one scan.
 */

const STRIPPED_SCRIPTS = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u
const NONSPACING_MARKS = /\p{Mn}/gu
const IS_CONTINUATION = /^\p{M}$/u
const NON_ASCII = /[^\0-\x7f]/

/** Letters with no decomposition, spelled the way they are typed on a plain keyboard. */
const SPELLED: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'ss',
  ø: 'o',
  Ø: 'o',
  œ: 'oe',
  Œ: 'oe',
  æ: 'ae',
  Æ: 'ae',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
  ħ: 'h',
  Ħ: 'h',
  ŧ: 't',
  Ŧ: 't',
  ς: 'σ',
}
const SPELLED_CHARS = new RegExp(`[${Object.keys(SPELLED).join('')}]`, 'gu')

/** Folds one character with the marks that follow it (see the rules above). */
function foldSegment(segment: string): string {
  let out = segment.normalize('NFKC')
  if (STRIPPED_SCRIPTS.test(out)) out = out.normalize('NFD').replace(NONSPACING_MARKS, '')
  return out.replace(SPELLED_CHARS, (char) => SPELLED[char] ?? char)
}

/** Per BMP code unit, as bits: known, folds to itself, continues the previous character. */
const KNOWN = 1
const SAME = 2
const CONTINUES = 4
const bmpFlags = new Uint8Array(0x10000)
/** What a BMP character folds to, when it is not itself. */
const bmpFolded = new Map<number, string>()
for (let c = 0; c < 128; c++) bmpFlags[c] = KNOWN | SAME
// Surrogates are read as pairs, never looked up alone.
for (let c = 0xd800; c <= 0xdfff; c++) bmpFlags[c] = KNOWN

/**
 * A character that folds together with the one before it: a combining mark (\p{M}), the
 * half-width voiced sound marks (ｶﾞ → ガ) and conjoining Hangul vowels and finals (jamo → 각).
 */
function continues(codePoint: number): boolean {
  if (codePoint === 0xff9e || codePoint === 0xff9f) return true
  if ((codePoint >= 0x1160 && codePoint <= 0x11ff) || (codePoint >= 0xd7b0 && codePoint <= 0xd7ff))
    return true
  return IS_CONTINUATION.test(String.fromCodePoint(codePoint))
}

function flagsOf(unit: number): number {
  const known = bmpFlags[unit] as number
  if (known !== 0) return known
  const char = String.fromCharCode(unit)
  const folded = foldSegment(char)
  let flags = KNOWN | (continues(unit) ? CONTINUES : 0)
  if (folded === char) flags |= SAME
  else bmpFolded.set(unit, folded)
  bmpFlags[unit] = flags
  return flags
}

/** Folded segments of several characters (and astral characters), bounded. */
const segmentCache = new Map<string, string>()

function foldCached(segment: string): string {
  let folded = segmentCache.get(segment)
  if (folded === undefined) {
    if (segmentCache.size >= 4096) segmentCache.clear()
    folded = foldSegment(segment)
    segmentCache.set(segment, folded)
  }
  return folded
}

function codePointWidth(text: string, at: number): number {
  const unit = text.charCodeAt(at)
  if (unit < 0xd800 || unit > 0xdbff || at + 1 >= text.length) return 1
  const low = text.charCodeAt(at + 1)
  return low >= 0xdc00 && low <= 0xdfff ? 2 : 1
}

function continuesAt(text: string, at: number): boolean {
  const unit = text.charCodeAt(at)
  if (unit < 128) return false
  if (unit < 0xd800 || unit > 0xdfff) return (flagsOf(unit) & CONTINUES) !== 0
  return codePointWidth(text, at) === 2 && continues(text.codePointAt(at) as number)
}

/** Where the first character that may fold differently starts (text.length: none). */
function firstChange(text: string): number {
  const length = text.length
  // A regular expression finds the first non-ASCII character several times faster than a loop.
  const nonAscii = text.search(NON_ASCII)
  if (nonAscii < 0) return length
  for (let i = nonAscii; i < length; i++) {
    const unit = text.charCodeAt(i)
    if (unit < 128) continue
    const flags = unit < 0xd800 || unit > 0xdfff ? flagsOf(unit) : 0
    if ((flags & SAME) !== 0 && (flags & CONTINUES) === 0) continue
    // A mark folds with the character before it, which the scan has passed.
    return (flags & CONTINUES) !== 0 && i > 0 ? i - 1 : i
  }
  return length
}

/**
 * Walks `text` from `from` one character (with its marks) at a time, calling `emit` with each
 * piece's source range and folded text.
 */
function walk(
  text: string,
  from: number,
  emit: (start: number, end: number, folded: string) => void,
): void {
  const length = text.length
  let i = from
  while (i < length) {
    const unit = text.charCodeAt(i)
    const width = codePointWidth(text, i)
    let end = i + width
    while (end < length && continuesAt(text, end)) end += codePointWidth(text, end)
    if (end === i + 1 && unit < 128) emit(i, end, text[i] as string)
    else if (end === i + 1 && (unit < 0xd800 || unit > 0xdfff)) {
      const same = (flagsOf(unit) & SAME) !== 0
      emit(i, end, same ? (text[i] as string) : (bmpFolded.get(unit) as string))
    } else emit(i, end, foldCached(text.slice(i, end)))
    i = end
  }
}

/** `text` folded for searching (see above); the same string when nothing changes. */
export function foldText(text: string): string {
  const from = firstChange(text)
  if (from === text.length) return text
  const pieces: string[] = [text.slice(0, from)]
  let copyFrom = from // start of the run of unchanged source not yet copied
  walk(text, from, (start, end, folded) => {
    if (folded.length === end - start && text.startsWith(folded, start)) return
    if (copyFrom < start) pieces.push(text.slice(copyFrom, start))
    pieces.push(folded)
    copyFrom = end
  })
  if (copyFrom < text.length) pieces.push(text.slice(copyFrom))
  return pieces.join('')
}

/** Folded text with, for each of its UTF-16 units, the source range it came from. */
export interface FoldedText {
  text: string
  /** null when the folded text is the source itself (offsets are the same). */
  sourceStart: Int32Array | null
  sourceEnd: Int32Array | null
}

export function foldWithOffsets(text: string): FoldedText {
  const from = firstChange(text)
  if (from === text.length) return { text, sourceStart: null, sourceEnd: null }
  const starts: number[] = []
  const ends: number[] = []
  for (let i = 0; i < from; i++) {
    starts.push(i)
    ends.push(i + 1)
  }
  const pieces: string[] = [text.slice(0, from)]
  walk(text, from, (start, end, folded) => {
    pieces.push(folded)
    for (let k = 0; k < folded.length; k++) {
      starts.push(start)
      ends.push(end)
    }
  })
  return {
    text: pieces.join(''),
    sourceStart: Int32Array.from(starts),
    sourceEnd: Int32Array.from(ends),
  }
}

/** True when every pattern matches the folded `text` (patterns are made from folded queries). */
export function matchesFolded(text: string, patterns: readonly RegExp[]): boolean {
  const folded = foldText(text)
  return patterns.every((pattern) => {
    pattern.lastIndex = 0
    return pattern.test(folded)
  })
}

/**
 * The [start, end) ranges of `text` (ascending, merged) whose folded form matches one of the
 * patterns: "cafe" finds "café" and the range covers "café". A match that starts or ends inside a
 * character's folded form (the second s of ß → ss) covers that whole character.
 */
export function findFoldedRanges(text: string, patterns: readonly RegExp[]): [number, number][] {
  const folded = foldWithOffsets(text)
  const found: [number, number][] = []
  for (const pattern of patterns) {
    const global = new RegExp(
      pattern.source,
      pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`,
    )
    for (const match of folded.text.matchAll(global)) {
      if (match[0].length === 0) continue
      const start = match.index
      const last = start + match[0].length - 1
      found.push(
        folded.sourceStart && folded.sourceEnd
          ? [folded.sourceStart[start] as number, folded.sourceEnd[last] as number]
          : [start, last + 1],
      )
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const merged: [number, number][] = []
  for (const range of found) {
    const previous = merged[merged.length - 1]
    if (previous && range[0] <= previous[1]) previous[1] = Math.max(previous[1], range[1])
    else merged.push([range[0], range[1]])
  }
  return merged
}
