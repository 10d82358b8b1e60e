/** Recognises fenced code blocks (``` and ~~~) line by line, the way CommonMark opens and closes them. */

export interface FenceOpener {
  marker: '`' | '~'
  length: number
  /** Where the fence characters start, after any list or blockquote markers on the same line. */
  column: number
  /** Whether list or blockquote markers precede the fence on its own line (`- ```js`, `> ````). */
  contained: boolean
  /** At column 0 with nothing before it: the fence then always begins a new top-level block. */
  topLevel: boolean
  info: string
}

const CONTAINER_PREFIX = /^(?:[ \t]*(?:>[ \t]?|(?:[-*+]|\d{1,9}[.)])[ \t]+))*/
const FENCE_OPENER = /^([ \t]*)(`{3,}|~{3,})(.*)$/
const FENCE_CLOSER = /^([ \t]*)(`{3,}|~{3,})[ \t]*$/

export function readFenceOpener(line: string): FenceOpener | undefined {
  const prefix = CONTAINER_PREFIX.exec(line)?.[0] ?? ''
  const match = FENCE_OPENER.exec(line.slice(prefix.length))
  if (!match) return undefined
  const [, indent = '', run = '', info = ''] = match
  const marker = run.startsWith('`') ? '`' : '~'
  // A backtick run followed by more backticks on the line is inline code, not a fence.
  if (marker === '`' && info.includes('`')) return undefined
  return {
    marker,
    length: run.length,
    column: prefix.length + indent.length,
    contained: prefix.length > 0,
    topLevel: prefix.length === 0 && indent.length === 0,
    info: info.trim(),
  }
}

export function closesFence(opener: FenceOpener, line: string): boolean {
  const prefix = opener.contained ? (CONTAINER_PREFIX.exec(line)?.[0] ?? '') : ''
  const match = FENCE_CLOSER.exec(line.slice(prefix.length))
  if (!match) return false
  const [, indent = '', run = ''] = match
  return (
    run.startsWith(opener.marker) &&
    run.length >= opener.length &&
    prefix.length + indent.length <= opener.column + 3
  )
}

export interface FencedCodeBlock {
  /** The first word of the info string, as written (may be empty). */
  language: string
  code: string
  /** False while the closing fence has not arrived yet (the answer is still streaming). */
  closed: boolean
}

/** The code of a block that is exactly one top-level fenced code block, else undefined. */
export function parseFencedCodeBlock(block: string): FencedCodeBlock | undefined {
  const lines = block.split('\n')
  const opener = readFenceOpener(lines[0] ?? '')
  if (!opener?.topLevel) return undefined
  const closerIndex = lines.findIndex((line, index) => index > 0 && closesFence(opener, line))
  if (closerIndex !== -1 && closerIndex !== lines.length - 1) return undefined
  const closed = closerIndex !== -1
  return {
    language: opener.info.split(/\s+/)[0] ?? '',
    code: lines.slice(1, closed ? -1 : undefined).join('\n'),
    closed,
  }
}
