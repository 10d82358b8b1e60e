import { foldText } from './fold-text'

/**
 * Text rules shared by indexing and searching. The trigram index serves every term of three or
 * more characters (any script: substring match). Terms of one or two characters go to the short
 * index, fed with overlapping bigrams of every CJK run (모델을 → 모델 델을, plus the run's last
 * character alone) and with Latin/other words of one or two characters (AI, Go, C).
 */

const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々〆`
const ONLY_CJK = new RegExp(`^[${CJK}]+$`, 'u')
const IS_CJK = new RegExp(`^[${CJK}]$`, 'u')
const IS_WORD = /^[\p{L}\p{N}\p{M}]$/u
const ALNUM_ONLY = /^[\p{L}\p{N}\p{M}]+$/u

/** Character classes, as bits: a word character (letter, number or mark), a CJK character. */
const WORD_BIT = 1
const CJK_BIT = 2
const KNOWN_BIT = 4
/** Classes of the BMP, filled in as characters are first met (the Unicode regexes are slow). */
const bmpClass = new Uint8Array(0x10000)
for (let c = 0; c < 128; c++) {
  const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
  bmpClass[c] = KNOWN_BIT | (word ? WORD_BIT : 0)
}

function classOf(codePoint: number): number {
  if (codePoint < 0x10000) {
    const known = bmpClass[codePoint] as number
    if (known !== 0) return known
  }
  const char = String.fromCodePoint(codePoint)
  const bits = KNOWN_BIT | (IS_WORD.test(char) ? WORD_BIT : 0) | (IS_CJK.test(char) ? CJK_BIT : 0)
  if (codePoint < 0x10000) bmpClass[codePoint] = bits
  return bits
}

/**
 * The text fed to the short index for `text` (deterministic: deletes replay it): the bigrams of
 * every maximal CJK run (모델을 → 모델 델을, plus the run's last character alone), then every
 * maximal run of non-CJK word characters that is one or two characters long (AI, Go, C). It runs
 * for every indexed item, so it is one pass over the text with a fast path for ASCII instead of
 * the Unicode regexes it replaced (which took a third longer on the benchmark corpus).
 */
export function shortIndexText(text: string): string {
  let bigrams: string[] | null = null
  const shorts: string[] = []
  let cjkAt = -1 // where the previous character starts when it is CJK, else -1
  let cjkWidth = 1
  let pieceAt = -1 // where the current run of non-CJK word characters starts, else -1
  let pieceChars = 0
  for (let i = 0; i < text.length;) {
    const unit = text.charCodeAt(i)
    let bits: number
    let width = 1
    if (unit < 128) bits = bmpClass[unit] as number
    else {
      let code = unit
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1)
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = (unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000
          width = 2
        }
      }
      bits = classOf(code)
    }
    // Slices, not concatenations: short flat strings hash fast in the Set below.
    if (bits & CJK_BIT) {
      if (cjkAt >= 0) (bigrams ??= []).push(text.slice(cjkAt, i + width))
      cjkAt = i
      cjkWidth = width
    } else if (cjkAt >= 0) {
      ;(bigrams ??= []).push(text.slice(cjkAt, cjkAt + cjkWidth))
      cjkAt = -1
    }
    if ((bits & (WORD_BIT | CJK_BIT)) === WORD_BIT) {
      if (pieceAt < 0) {
        pieceAt = i
        pieceChars = 0
      }
      pieceChars++
    } else if (pieceAt >= 0) {
      if (pieceChars <= 2) shorts.push(text.slice(pieceAt, i))
      pieceAt = -1
    }
    i += width
  }
  if (cjkAt >= 0) (bigrams ??= []).push(text.slice(cjkAt, cjkAt + cjkWidth))
  if (pieceAt >= 0 && pieceChars <= 2) shorts.push(text.slice(pieceAt))
  if (bigrams === null) return shorts.length === 0 ? '' : [...new Set(shorts)].join(' ')
  for (const piece of shorts) bigrams.push(piece)
  return [...new Set(bigrams)].join(' ')
}

export type TermKind = 'trigram' | 'short' | 'unindexed'

export interface SearchTerm {
  text: string
  kind: TermKind
  /** The FTS5 expression for this term on its index ('' when unindexed). */
  match: string
  /** Confirms the term in folded stored text and finds it for highlighting (case-insensitive). */
  pattern: RegExp
}

export type MatchMode = 'all-words' | 'phrase'

/**
 * Splits plain user input into terms; nothing in it is FTS syntax, so nothing can throw. The input
 * is folded like indexed text (fold-text.ts), and the patterns are meant for folded text.
 */
export function parseQuery(query: string, mode: MatchMode = 'all-words'): SearchTerm[] {
  const clean = foldText(query).replace(/\s+/gu, ' ').trim()
  if (clean === '') return []
  const words = mode === 'phrase' ? [clean] : [...new Set(clean.split(' '))]
  return words.map(toTerm)
}

const MAX_TRIGRAMS = 12

function toTerm(text: string): SearchTerm {
  const chars = [...text]
  const source = text
    .split(' ')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+')
  const pattern = new RegExp(source, 'giu')
  if (chars.length >= 3) {
    const grams = new Set<string>()
    for (let i = 0; i + 3 <= chars.length; i++) grams.add(chars.slice(i, i + 3).join(''))
    const picked = spread([...grams], MAX_TRIGRAMS)
    return { text, kind: 'trigram', match: picked.map(quote).join(' AND '), pattern }
  }
  if (ONLY_CJK.test(text)) {
    const match = chars.length === 2 ? quote(text) : `${quote(text)} *`
    return { text, kind: 'short', match, pattern }
  }
  const tokens = shortIndexText(text).split(' ').filter(Boolean)
  if (tokens.length === 0) return { text, kind: 'unindexed', match: '', pattern }
  const match = tokens.map((token) => (ONLY_CJK.test(token) ? `${quote(token)} *` : quote(token)))
  const wordPattern = ALNUM_ONLY.test(text)
    ? new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])${source}(?![\\p{L}\\p{N}\\p{M}])`, 'giu')
    : pattern
  return { text, kind: 'short', match: match.join(' AND '), pattern: wordPattern }
}

function quote(token: string): string {
  return `"${token.replaceAll('"', '""')}"`
}

/** Up to `max` items spread evenly over `items` (first and last kept). */
function spread<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items
  const out: T[] = []
  for (let i = 0; i < max; i++)
    out.push(items[Math.round((i * (items.length - 1)) / (max - 1))] as T)
  return out
}
