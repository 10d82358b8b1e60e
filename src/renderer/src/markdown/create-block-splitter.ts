import { scanMarkdownBlocks, type ScannedBlocks } from './split-markdown-blocks'

/**
 * A `splitMarkdownBlocks` that remembers its last answer: when the new text extends the previous
 * one (a stream), it keeps the settled blocks and rescans only from the last of them, so each
 * update costs the size of the tail, not of the whole answer. Results equal a full split.
 */
export function createBlockSplitter(): (text: string) => readonly string[] {
  let lastText = ''
  let last: ScannedBlocks = { blocks: [], starts: [] }
  return (text) => {
    if (text === lastText) return last.blocks
    const keep = text.startsWith(lastText) ? settledBlockCount(lastText, last) : 0
    const from = keep === 0 ? 0 : (last.starts[keep] ?? 0)
    const tail = scanMarkdownBlocks(text, from)
    last = {
      blocks: last.blocks.slice(0, keep).concat(tail.blocks),
      starts: last.starts.slice(0, keep).concat(tail.starts),
    }
    lastText = text
    return last.blocks
  }
}

/**
 * Blocks before the last one whose first line is complete cannot change when text is appended:
 * where a block starts depends only on its own first line and the lines before it.
 */
function settledBlockCount(text: string, scanned: ScannedBlocks): number {
  const count = scanned.blocks.length
  const lastStart = scanned.starts[count - 1]
  if (lastStart === undefined) return 0
  const lastFirstLineComplete = text.indexOf('\n', lastStart) !== -1
  return Math.max(0, lastFirstLineComplete ? count - 1 : count - 2)
}
