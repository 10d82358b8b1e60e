/**
 * A snippet is a window of the matched text (whitespace collapsed to single spaces, `…` where it
 * was cut) plus the UTF-16 ranges of every match inside it. `marked` is the same text with each
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

export function buildSnippet(source: string, patterns: readonly RegExp[], width = 160): Snippet {
  const flat = source.replace(/\s+/gu, ' ').trim()
  const ranges = findRanges(flat, patterns)
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

function findRanges(text: string, patterns: readonly RegExp[]): [number, number][] {
  const found: [number, number][] = []
  for (const pattern of patterns) {
    const global = new RegExp(
      pattern.source,
      pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`,
    )
    for (const match of text.matchAll(global)) {
      if (match[0].length > 0) found.push([match.index, match.index + match[0].length])
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const merged: [number, number][] = []
  for (const range of found) {
    const last = merged[merged.length - 1]
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else merged.push([range[0], range[1]])
  }
  return merged
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
