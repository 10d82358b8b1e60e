/**
 * Text rules shared by indexing and searching. The trigram index serves every term of three or
 * more characters (any script: substring match). Terms of one or two characters go to the short
 * index, fed with overlapping bigrams of every CJK run (모델을 → 모델 델을, plus the run's last
 * character alone) and with Latin/other words of one or two characters (AI, Go, C).
 */

const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々〆`
const HAS_CJK = new RegExp(`[${CJK}]`, 'u')
const CJK_RUN = new RegExp(`[${CJK}]+`, 'gu')
const ONLY_CJK = new RegExp(`^[${CJK}]+$`, 'u')
const WORD = /[\p{L}\p{N}\p{M}]+/gu
const SHORT_WORD = /(?<![\p{L}\p{N}\p{M}])[\p{L}\p{N}\p{M}]{1,2}(?![\p{L}\p{N}\p{M}])/gu
const ALNUM_ONLY = /^[\p{L}\p{N}\p{M}]+$/u

/** The text fed to the short index for `text` (deterministic: deletes replay it). */
export function shortIndexText(text: string): string {
  const tokens = new Set<string>()
  if (HAS_CJK.test(text)) {
    for (const match of text.matchAll(CJK_RUN)) addBigrams([...match[0]], tokens)
    for (const match of text.matchAll(WORD)) {
      for (const piece of match[0].split(CJK_RUN)) if (isShort(piece)) tokens.add(piece)
    }
  } else {
    for (const match of text.matchAll(SHORT_WORD)) tokens.add(match[0])
  }
  return [...tokens].join(' ')
}

function isShort(piece: string): boolean {
  return piece.length > 0 && [...piece].length <= 2
}

function addBigrams(chars: string[], into: Set<string>): void {
  for (let i = 0; i + 1 < chars.length; i++) into.add(`${chars[i]}${chars[i + 1]}`)
  const last = chars[chars.length - 1]
  if (last !== undefined) into.add(last)
}

export type TermKind = 'trigram' | 'short' | 'unindexed'

export interface SearchTerm {
  text: string
  kind: TermKind
  /** The FTS5 expression for this term on its index ('' when unindexed). */
  match: string
  /** Confirms the term in stored text and finds it for highlighting (case-insensitive). */
  pattern: RegExp
}

export type MatchMode = 'all-words' | 'phrase'

/** Splits plain user input into terms; nothing in it is FTS syntax, so nothing can throw. */
export function parseQuery(query: string, mode: MatchMode = 'all-words'): SearchTerm[] {
  const clean = query.normalize('NFC').replace(/\s+/gu, ' ').trim()
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
