import { memo, useMemo, useState } from 'react'
import { createBlockSplitter } from './create-block-splitter'
import { MarkdownBlock } from './markdown-block'
import './markdown.css'
import './code-highlight.css'

/** Blocks per memoised group: a long answer re-renders one group per update, not every block. */
export const BLOCKS_PER_GROUP = 16

/**
 * Renders untrusted model output as Markdown, never as raw HTML. The text is split into
 * top-level blocks; finished blocks are memoised, so while an answer streams in only its last
 * block is parsed again. Blocks are grouped (by position, so a block never changes parent): an
 * update re-renders only the last group, and a long answer's groups scrolled out of view are
 * skipped by layout and paint (see chat.css), however long the answer has grown.
 */
export function MarkdownView({ text, streaming = false }: { text: string; streaming?: boolean }) {
  const [splitBlocks] = useState(createBlockSplitter)
  const blocks = useMemo(() => splitBlocks(text), [splitBlocks, text])
  const groups: { first: number; blocks: readonly string[] }[] = []
  for (let first = 0; first < blocks.length; first += BLOCKS_PER_GROUP)
    groups.push({ first, blocks: blocks.slice(first, first + BLOCKS_PER_GROUP) })
  const growing = streaming ? blocks.length - 1 : -1
  return (
    <div className="markdown" aria-busy={streaming || undefined}>
      {groups.map((group) => (
        <BlockGroup key={group.first} blocks={group.blocks} growing={growing - group.first} />
      ))}
    </div>
  )
}

interface BlockGroupProps {
  blocks: readonly string[]
  /** Index in this group of the block still streaming in (out of range when none is). */
  growing: number
}

const BlockGroup = memo(function BlockGroup({ blocks, growing }: BlockGroupProps) {
  return (
    <div className="markdown-group">
      {blocks.map((block, index) => (
        <MarkdownBlock key={index} text={block} growing={index === growing} />
      ))}
    </div>
  )
}, isSameGroup)

function isSameGroup(previous: BlockGroupProps, next: BlockGroupProps): boolean {
  const size = next.blocks.length
  if (previous.blocks.length !== size) return false
  const wasGrowing = previous.growing >= 0 && previous.growing < size
  const isGrowing = next.growing >= 0 && next.growing < size
  if ((wasGrowing || isGrowing) && previous.growing !== next.growing) return false
  return next.blocks.every((block, index) => block === previous.blocks[index])
}
