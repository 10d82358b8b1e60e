import { findFoldedRanges } from './fold-text'
import { markdownToPlain } from './markdown-plain'

/**
 * A snippet is a window of the matched text as plain text (Markdown syntax removed, whitespace
 * collapsed to single spaces, `…` where it was cut) plus the UTF-16 ranges of every match inside it. `marked` is the same text with each
 * range wrapped in « and » — convenient for plain-text display; use `highlights` when the text
 * itself may contain those characters.
 */
export interface Snippet {
  text: string
  /** [start, end) offsets into `text`, ascending, not overlapping. */
  highlights: [number, number][]
  marked: string
}

export const SNIPPET_OPEN = '«'
export const SNIPPET_CLOSE = '»'

/** Matches are found in the folded text (fold-text.ts) and mapped back: "cafe" marks "café". */
export function buildSnippet(source: string, patterns: readonly RegExp[], width = 160): Snippet {
  let flat = flatten(markdownToPlain(source))
  let ranges = findFoldedRanges(flat, patterns)
  if (ranges.length === 0) {
    // The match was in the syntax itself (a link's address, say): show the text as written.
    const raw = flatten(source)
    const rawRanges = findFoldedRanges(raw, patterns)
    if (rawRanges.length > 0) [flat, ranges] = [raw, rawRanges]
  }
  const first = ranges[0]
  let start = first ? Math.max(0, first[0] - Math.floor(width / 3)) : 0
  let end = Math.min(flat.length, start + width)
  if (end === flat.length) start = Math.max(0, end - width)
  start = snapToSpace(flat, start, -1)
  end = snapToSpace(flat, end, 1)
  if (isLowSurrogate(flat, start)) start--
  if (isLowSurrogate(flat, end)) end++
  const prefix = start > 0 ? '…' : ''
  const text = prefix + flat.slice(start, end) + (end < flat.length ? '…' : '')
  const highlights: [number, number][] = []
  for (const [a, b] of ranges) {
    if (a >= end || b <= start) continue
    highlights.push([
      Math.max(a, start) - start + prefix.length,
      Math.min(b, end) - start + prefix.length,
    ])
  }
  return { text, highlights, marked: mark(text, highlights) }
}

function flatten(text: string): string {
  return text.replace(/\s+/gu, ' ').trim()
}

function snapToSpace(text: string, at: number, direction: -1 | 1): number {
  if (at <= 0 || at >= text.length) return at
  for (let step = 0; step < 12; step++) {
    const i = at + step * direction
    if (i <= 0 || i >= text.length) return at
    if (text[i] === ' ') return direction < 0 ? i + 1 : i
  }
  return at
}

function isLowSurrogate(text: string, at: number): boolean {
  const code = text.charCodeAt(at)
  return at > 0 && at < text.length && code >= 0xdc00 && code <= 0xdfff
}

export function mark(text: string, highlights: readonly [number, number][]): string {
  let out = ''
  let at = 0
  for (const [a, b] of highlights) {
    out += text.slice(at, a) + SNIPPET_OPEN + text.slice(a, b) + SNIPPET_CLOSE
    at = b
  }
  return out + text.slice(at)
}
