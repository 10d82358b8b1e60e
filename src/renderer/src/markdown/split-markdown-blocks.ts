import { closesFence, readFenceOpener, type FenceOpener } from './markdown-fences'

/**
 * Splits Markdown into top-level blocks that parse the same on their own as inside the whole
 * text, so a streaming answer re-parses only its last, growing block.
 *
 * A block starts at a non-indented line after a blank line, at a fence (``` or ~~~) in column 0,
 * and right after such a fence closes. Fenced code stays whole across blank lines; an unclosed
 * fence runs to the end of the text. Indented lines after a blank line stay with the block before
 * them (list item paragraphs, nested lists, indented code), because joining blocks never changes
 * how they render while splitting one might.
 *
 * Known degradation: a reference-style link (`[text][id]`) whose definition sits in another block
 * shows as its literal text, and the definition shows as a line `[id]: <link>`
 * (remark-orphan-definitions); footnotes always show as written (remark-inline-footnotes).
 */
export function splitMarkdownBlocks(text: string): string[] {
  return scanMarkdownBlocks(text).blocks
}

export interface ScannedBlocks {
  blocks: string[]
  /** Offset in the text of each block's first line. */
  starts: number[]
}

/** Scans from `from`, which must be 0 or the start of a block found by an earlier scan. */
export function scanMarkdownBlocks(text: string, from = 0): ScannedBlocks {
  const blocks: string[] = []
  const starts: number[] = []
  let lines: string[] = []
  let blockStart = from
  let fence: FenceOpener | undefined
  let afterBlank = false
  let afterTopLevelFence = false

  const flush = () => {
    let end = lines.length
    while (end > 0 && isBlank(lines[end - 1] ?? '')) end--
    if (end > 0) {
      blocks.push(lines.slice(0, end).join('\n'))
      starts.push(blockStart)
    }
    lines = []
  }

  let position = from
  while (position <= text.length) {
    const newline = text.indexOf('\n', position)
    const lineEnd = newline === -1 ? text.length : newline
    const lineStart = position
    const line = text.slice(lineStart, text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd)
    position = lineEnd + 1

    if (fence) {
      lines.push(line)
      if (closesFence(fence, line)) {
        afterTopLevelFence = fence.topLevel
        fence = undefined
      }
      continue
    }
    if (isBlank(line)) {
      if (lines.length > 0) lines.push(line)
      afterBlank = true
      continue
    }
    const opener = readFenceOpener(line)
    const startsBlock =
      afterTopLevelFence || opener?.topLevel === true || (afterBlank && !/^[ \t]/.test(line))
    if (startsBlock || lines.length === 0) {
      flush()
      blockStart = lineStart
    }
    lines.push(line)
    afterBlank = false
    afterTopLevelFence = false
    fence = opener
  }
  flush()
  return { blocks, starts }
}

function isBlank(line: string): boolean {
  return /^[ \t]*$/.test(line)
}
